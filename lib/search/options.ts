import type { Options } from 'minisearch';

/** One searchable place in the course: a lesson, a section, a sub-heading, a field-guide entry or an error class. */
export interface SearchDocument {
  id: string;
  kind: 'lesson' | 'section' | 'field' | 'error' | 'topic';
  title: string;
  lessonTitle: string;
  /** `/lessons/streaming#field-stream_options-include_usage` */
  href: string;
  text: string;
}

export type SearchResultFields = Pick<SearchDocument, 'kind' | 'title' | 'lessonTitle' | 'href'>;

/**
 * API names are words here: `include_usage`, `chat.completions.create`, `max_completion_tokens` are kept whole and
 * also split into their parts, so both "include_usage" and "include usage" find the same place.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const word of text.match(/[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*/gu) ?? []) {
    tokens.push(word);
    const dotted = word.split('.');
    if (dotted.length > 1) tokens.push(...dotted);
    for (const part of dotted) {
      const words = part.split('_').filter(Boolean);
      if (words.length > 1) tokens.push(...words);
    }
  }
  return tokens;
}

/** The same options build the index at build time and load it in the browser; they must agree. */
export const SEARCH_OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'text'],
  storeFields: ['kind', 'title', 'lessonTitle', 'href'],
  tokenize,
  processTerm: (term) => term.toLowerCase(),
  searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
};
