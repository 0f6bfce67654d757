/**
 * Text normalisation for free-text answers: the same idea typed on any keyboard, in any case, with curly quotes,
 * look-alike letters from other scripts or stray invisible characters, compares equal.
 */

/** Cyrillic and Greek letters that look like Latin ones (lowercase, after case folding). */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c',
  т: 't', у: 'y', х: 'x', ѕ: 's', ԁ: 'd', ӏ: 'l', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ς: 's',
  ı: 'i', ȷ: 'j', ɡ: 'g', ɑ: 'a', ℓ: 'l',
};

const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/**
 * Lowercase words separated by single spaces: Unicode compatibility forms folded (NFKC: full-width letters,
 * ligatures), accents and look-alike letters mapped to plain Latin, invisible characters dropped, and every
 * punctuation mark, underscore and symbol turned into a space.
 */
export function normalizeText(input: string): string {
  const folded = input.normalize('NFKC').toLowerCase().replace(INVISIBLE, '');
  const latin = Array.from(folded, (ch) => LOOK_ALIKES[ch] ?? ch).join('');
  return latin
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
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
