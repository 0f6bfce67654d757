import RandExp from 'randexp';

/**
 * Strings that match a JSON Schema `pattern`, from `randexp`, bounded: open repetitions (`*`, `+`, `{n,}`) get at
 * most `OPEN_REPEAT` extra copies, explicit ones at most `MAX_REPEAT`, and a pattern whose longest possible match
 * is still over `MAX_PATTERN_CHARS` (nested counts like `((a{50}){50}){50}`) is not generated at all. Generation
 * never backtracks, so nested quantifiers such as `^(a+)+$` cost nothing here: they only hurt a regex engine
 * asked to reject a string, and the sandbox never runs the pattern against anything.
 * Lookarounds are ignored by randexp (documented there), so a pattern that relies on them may not match.
 */
export const OPEN_REPEAT = 6;
export const MAX_REPEAT = 256;
export const MAX_PATTERN_CHARS = 2_000;

// ret's token types (randexp's parser): ROOT 0, GROUP 1, POSITION 2, SET 3, RANGE 4, REPETITION 5, REFERENCE 6, CHAR 7.
interface Token {
  type: number;
  stack?: Token[];
  options?: Token[][];
  min?: number;
  max?: number;
  value?: Token | number;
  followedBy?: boolean;
  notFollowedBy?: boolean;
  lookBehind?: boolean;
}

/** Caps explicit repetition counts in place and returns the longest string the token can produce. */
function capAndMeasure(token: Token, groups: number[]): number {
  switch (token.type) {
    case 0:
    case 1: {
      if (token.followedBy || token.notFollowedBy || token.lookBehind) return 0;
      const sequences = token.options ?? [token.stack ?? []];
      let longest = 0;
      for (const sequence of sequences) {
        let sum = 0;
        for (const child of sequence) sum += capAndMeasure(child, groups);
        longest = Math.max(longest, sum);
      }
      if (token.type === 1) groups.push(longest);
      return longest;
    }
    case 3:
    case 7:
      return 2; // one code point, up to two UTF-16 units
    case 5: {
      const min = token.min ?? 0;
      if (token.max !== Infinity && (token.max ?? 0) > MAX_REPEAT) token.max = Math.max(min, MAX_REPEAT);
      const max = token.max === Infinity ? min + OPEN_REPEAT : (token.max ?? 0);
      return max * capAndMeasure(token.value as Token, groups);
    }
    case 6:
      return Math.max(0, ...groups);
    default:
      return 0;
  }
}

export interface PatternGenerator {
  /** A string matching the pattern; `randInt` picks every choice, so a seeded one makes it deterministic. */
  generate(randInt: (from: number, to: number) => number): string;
}

/** A bounded generator for `pattern`, or null when the pattern is not a valid regex or could be too long. */
export function patternGenerator(pattern: string): PatternGenerator | null {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch {
    return null;
  }
  let randexp: RandExp;
  try {
    randexp = new RandExp(regex);
  } catch {
    return null;
  }
  randexp.max = OPEN_REPEAT;
  const tokens = (randexp as unknown as { tokens: Token }).tokens;
  if (capAndMeasure(tokens, []) > MAX_PATTERN_CHARS) return null;
  return {
    generate(randInt) {
      randexp.randInt = randInt;
      return randexp.gen();
    },
  };
}
