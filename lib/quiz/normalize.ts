/**
 * Text normalisation for free-text answers: the same idea typed on any keyboard, in any case, with curly quotes,
 * look-alike letters from other scripts or stray invisible characters, compares equal.
 */

/** Cyrillic and Greek letters that look like Latin ones (lowercase, after case folding). */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ς: 's',
  ı: 'i',
  ȷ: 'j',
  ɡ: 'g',
  ɑ: 'a',
  ℓ: 'l',
};

const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/**
 * Lowercase words separated by single spaces: Unicode compatibility forms folded (NFKC: full-width letters,
 * ligatures), accents and look-alike letters mapped to plain Latin, invisible characters dropped, and every
 * punctuation mark, underscore and symbol turned into a space.
 */
export function normalizeText(input: string): string {
  return fold(input)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Case, compatibility forms, invisible characters, look-alike letters and accents folded; punctuation kept. */
function fold(input: string): string {
  const folded = input.normalize('NFKC').toLowerCase().replace(INVISIBLE, '');
  const latin = Array.from(folded, (ch) => LOOK_ALIKES[ch] ?? ch).join('');
  return latin.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * How a rubric compares words. `words`: punctuation and underscores separate words, so "max completion tokens"
 * and `max_completion_tokens` are the same answer. `identifier`: for questions that ask for a name in the SDK or
 * the API, underscores stay part of the word, so only the exact name (in any case) matches.
 */
export type MatchMode = 'words' | 'identifier';

/**
 * An answer as clauses of words. Clauses end at sentence punctuation, commas, brackets and "but", so a negation
 * ("not X, it's Y") stays with the words it belongs to; a dot inside a name (`OpenAI.AuthenticationError`) only
 * separates words. "isn't" reads as "is not".
 */
export function answerClauses(input: string, mode: MatchMode = 'words'): string[][] {
  // "X -> Y" says "not X but Y": the arrow becomes a verdict on the clause before it.
  const text = fold(input)
    .replace(/n['’`]t\b/g, ' not')
    .replace(/\s*(?:->|→|=>)\s*/g, ', no, ');
  // A decimal number is one word: "1.5" must not read as "1" followed by "5" (a rubric's "temperature 1" would
  // otherwise accept "temperature 1.5").
  const word = mode === 'identifier' ? /\d+(?:\.\d+)+|[\p{L}\p{N}_]+/gu : /\d+(?:\.\d+)+|[\p{L}\p{N}]+/gu;
  return text
    // A colon before a value ("temperature: 1", "finish_reason: \"stop\"") joins a name to its value; other colons
    // end a clause.
    .split(/(?:[,;!?()[\]{}\n]|:(?!\s*[\d"'`]))+|[.](?=\s|$)|\s[-–—]\s|\bbut\b|\bhowever\b|\bwhereas\b/u)
    .map((clause) => clause.match(word) ?? [])
    .filter((words) => words.length > 0);
}

/** The words of one term of a rubric, compared the same way as the answer. */
export function termWords(term: string, mode: MatchMode = 'words'): string[] {
  return answerClauses(term, mode).flat();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `phrase` occurs in `text` as whole words (both already normalised). */
export function containsPhrase(text: string, phrase: string): boolean {
  return phrase !== '' && new RegExp(`(?:^| )${escape(phrase)}(?: |$)`).test(text);
}

/** Whether `term` starts a word of `text` (both normalised): `truncat` matches "truncated". */
export function containsTerm(text: string, term: string): boolean {
  return term !== '' && new RegExp(`(?:^| )${escape(term)}`).test(text);
}
