import MiniSearch from 'minisearch';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupIntoParts } from '@/lib/lessons/parts';
import { readCourse } from '@/lib/lessons/read';
import { searchDocuments } from '@/lib/search/documents';
import { SEARCH_OPTIONS, tokenize, type SearchDocument } from '@/lib/search/options';

const lessons = await readCourse(process.env.TOKENWISE_LESSONS_DIR ?? path.join(process.cwd(), 'lessons'));

describe('search', () => {
  it('keeps API names whole and also finds their parts', () => {
    expect(tokenize('Set stream_options.include_usage to true')).toEqual(
      expect.arrayContaining([
        'stream_options.include_usage',
        'stream_options',
        'include_usage',
        'include',
        'usage',
        'true',
      ]),
    );
  });

  const docs = searchDocuments(lessons);
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  index.addAll(docs);
  const loaded = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(index), SEARCH_OPTIONS);

  it('indexes every lesson, section and field-guide entry, linking to its anchor', () => {
    for (const lesson of lessons) {
      expect(docs.find((d) => d.href === `/lessons/${lesson.slug}`)?.kind).toBe('lesson');
      for (const section of lesson.sections)
        expect(docs.some((d) => d.href === `/lessons/${lesson.slug}#${section.id}`)).toBe(true);
      for (const entry of lesson.fieldGuide) {
        const doc = docs.find((d) => d.href === `/lessons/${lesson.slug}#${entry.anchor}`);
        expect(doc, entry.name).toMatchObject({ kind: 'field', title: entry.name });
      }
    }
    expect(docs.every((d) => !/[<>]/.test(d.title))).toBe(true);
  });

  it('finds a field by its API name after a round trip through JSON, as the browser loads it', () => {
    const [top] = loaded.search('finish_reason');
    expect(top).toMatchObject({ kind: 'field', href: expect.stringMatching(/#field-.*finish_reason$/) });
    expect(loaded.search('RateLimitError')[0]).toMatchObject({ kind: 'error' });
    expect(loaded.search('zzzz-not-in-the-course')).toEqual([]);
  });

  it('keeps the index small enough to load on demand', () => {
    expect(JSON.stringify(index).length).toBeLessThan(1_500_000);
  });
});

describe('parts', () => {
  it('groups lessons by number, totals their minutes and never hides a lesson', () => {
    const lesson = (order: number) => ({ order, minutes: 10 });
    const parts = groupIntoParts([1, 2, 3, 4, 7, 11].map(lesson));
    expect(parts.map((p) => [p.title, p.lessons.map((l) => l.order), p.minutes])).toEqual([
      ['First calls', [1, 2, 3], 30],
      ['Production habits', [4], 10],
      ['Tools and structure', [7], 10],
      ['More lessons', [11], 10],
    ]);
  });
});
