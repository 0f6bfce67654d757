import { termWords, type MatchMode } from './normalize';

/**
 * Where a rubric term occurs in an answer, and whether the answer says it or rules it out. "not X", "instead of X",
 * "X? no", "X is wrong" and "X is deprecated" mention X without choosing it; a learner who writes them has not given
 * X as the answer, and one who rules out the right answer has not given it either.
 */
export interface Mention {
  clause: number;
  start: number;
  end: number;
  negated: boolean;
}

/** Words that rule out what follows them within a few words: "not X", "isn't an X", "instead of X", "rather than X". */
const NEGATORS = new Set([
  ...['not', 'no', 'never', 'nor', 'neither', 'without', 'instead', 'rather', 'except', 'avoid', 'nope'],
  // "replace max_tokens with ...", "switch from max_tokens", "the deprecated max_tokens"
  ...['replace', 'swap', 'drop', 'remove', 'from', 'deprecated', 'old', 'legacy'],
]);
/** How far back a negator reaches: "not the X" and "instead of using X", but not "if the key is not valid you get X". */
const NEGATOR_REACH = 3;
/** Words that start what a negator does not reach: "replace X with Y", "from X to Y", "not X, it is Y". */
const NEGATION_STOPS = new Set(['with', 'to', 'for', 'by', 'it', 's', 'is', 'are']);
/** A clause that is only a verdict on the clause before it: "max_completion_tokens? No, ...". */
const BARE_VERDICT = /^(?:no|nope|not|wrong|incorrect|not really|actually no|no wait)$/;
/** What may follow a mention to rule it out: "X is wrong", "X is not it", "X isn't right", "X is deprecated". */
const VERDICT_AFTER =
  /^(?:(?:is|was|are|would be|s|seems|has been|gets)\s+)?(?:not|no|nope|wrong|incorrect|false|never|deprecated|rejected|unsupported|obsolete|outdated|legacy|gone|removed)(?:\s+(?:it|right|correct|the answer|the one|that one|this one|here|used|accepted|supported|valid|true|anymore|any more|on this model|on gpt 5|for this model))?$/;

/**
 * Every occurrence of `term` in the answer's clauses. Whole words, except that the term's last word may be the
 * start of a longer word when `prefix` is set ("truncat" meets "truncated").
 */
export function findMentions(clauses: string[][], term: string, mode: MatchMode, prefix: boolean): Mention[] {
  const words = termWords(term, mode);
  if (words.length === 0) return [];
  const found: Mention[] = [];
  clauses.forEach((clause, c) => {
    for (let i = 0; i + words.length <= clause.length; i++) {
      const hit = words.every((w, k) =>
        k === words.length - 1 && prefix ? clause[i + k]!.startsWith(w) : clause[i + k] === w,
      );
      if (hit)
        found.push({
          clause: c,
          start: i,
          end: i + words.length,
          negated: isNegated(clauses, c, i, i + words.length),
        });
    }
  });
  return found;
}

function isNegated(clauses: string[][], c: number, start: number, end: number): boolean {
  const clause = clauses[c]!;
  for (let i = start - 1; i >= Math.max(0, start - NEGATOR_REACH); i--) {
    if (NEGATORS.has(clause[i]!)) return true;
    if (NEGATION_STOPS.has(clause[i]!)) break;
  }
  if (VERDICT_AFTER.test(clause.slice(end).join(' '))) return true;
  const next = clauses[c + 1];
  return next !== undefined && BARE_VERDICT.test(next.join(' '));
}
