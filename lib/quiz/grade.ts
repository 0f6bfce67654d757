import { findModel } from '@/lib/models/catalog';
import { costOf } from '@/lib/models/cost';
import { answerClauses, normalizeText } from './normalize';
import { findMentions, type Mention } from './text-match';
import { evaluateArithmetic, parseNumber, withinTolerance } from './numbers';
import type { ChoiceQuestion, NumericQuestion, Question, TextQuestion } from './schema';

/** The verdict on one answer, before it is dressed up as HTML feedback. */
export type Grade =
  | { readable: false; message: string }
  | { readable: true; kind: 'choice'; correct: boolean; chosen: string[]; missed: number }
  | { readable: true; kind: 'numeric'; correct: boolean; value: number; expected: number }
  | { readable: true; kind: 'text'; correct: boolean; misconception: number | null };

export type Answer = string | string[];

/** The number a numeric question expects: `cost` and `limit` from the model catalog, `compute` from its working. */
export function expectedNumber(question: NumericQuestion): number {
  const { answer } = question;
  if ('value' in answer) return answer.value;
  if ('compute' in answer) return evaluateArithmetic(answer.compute);
  const id = 'cost' in answer ? answer.cost.model : answer.limit.model;
  const model = findModel(id);
  if (!model) throw new Error(`question ${question.id}: model "${id}" is not in the catalog`);
  if ('limit' in answer) return model[answer.limit.field];
  return costOf(model, {
    promptTokens: answer.cost.input,
    completionTokens: answer.cost.output,
    cachedTokens: answer.cost.cached,
  });
}

function gradeChoice(question: ChoiceQuestion, answer: Answer): Grade {
  const chosen = [...new Set(typeof answer === 'string' ? [answer] : answer)];
  if (chosen.length === 0) return { readable: false, message: 'Choose an option first.' };
  const known = new Set(question.options.map((o) => o.id));
  if (chosen.some((c) => !known.has(c)))
    return { readable: false, message: 'That option is not part of this question.' };
  if (question.kind === 'single' && chosen.length > 1)
    return { readable: false, message: 'Choose one option.' };
  const right = question.options.filter((o) => o.correct).map((o) => o.id);
  const missed = right.filter((r) => !chosen.includes(r)).length;
  const wrongPicks = chosen.filter((c) => !right.includes(c)).length;
  return { readable: true, kind: 'choice', correct: missed === 0 && wrongPicks === 0, chosen, missed };
}

function gradeNumeric(question: NumericQuestion, answer: Answer): Grade {
  if (typeof answer !== 'string') return { readable: false, message: 'Type a number.' };
  const value = parseNumber(answer);
  if (value === null) {
    const example = question.unit === 'usd' ? 'such as $0.0123 or 0.0123' : 'such as 1234 or 0.5';
    return { readable: false, message: `Type one number, ${example}.` };
  }
  const expected = expectedNumber(question);
  return {
    readable: true,
    kind: 'numeric',
    correct: withinTolerance(value, expected, question.tolerance),
    value,
    expected,
  };
}

/**
 * Free text: right when it gives an accepted phrasing (as whole words), or every key idea (each met by any of its
 * terms at a word start), and names no misconception as its answer. A mention the answer rules out ("not X",
 * "instead of X", "X? no", "X is deprecated") does not count either way, so "not AuthenticationError, it's
 * PermissionDeniedError" is wrong and "max_completion_tokens, not max_tokens" is right. An answer that gives both
 * the right name and a misconception ("AuthenticationError or PermissionDeniedError") is wrong, and its feedback
 * addresses the misconception. With `match: identifier` a name must be written exactly: `max_completion_token`
 * or `maxCompletionTokens` is not `max_completion_tokens`.
 */
export function gradeText(question: TextQuestion, answer: Answer): Grade {
  if (typeof answer !== 'string') return { readable: false, message: 'Type an answer.' };
  if (answer.length > question.maxLength)
    return { readable: false, message: `Keep it under ${question.maxLength} characters.` };
  if (!normalizeText(answer)) return { readable: false, message: 'Type an answer first.' };
  const { accepted, keyIdeas, misconceptions, match } = question.rubric;
  const clauses = answerClauses(answer, match);
  const said = (terms: string[], prefix: boolean) =>
    terms.flatMap((t) => findMentions(clauses, t, match, prefix)).filter((m) => !m.negated);

  const phrases = said(accepted, false);
  const ideas = keyIdeas.map((idea) => said(idea.any, true));
  const right = phrases.length > 0 || (keyIdeas.length > 0 && ideas.every((found) => found.length > 0));
  // A misconception term inside an accepted phrasing is part of the right answer, not a second one.
  const inRight = (m: Mention) =>
    [...phrases, ...ideas.flat()].some((r) => r.clause === m.clause && m.start < r.end && r.start < m.end);
  const misconception = misconceptions.findIndex((mis) => said(mis.any, true).some((m) => !inRight(m)));
  return {
    readable: true,
    kind: 'text',
    correct: right && misconception === -1,
    misconception: misconception === -1 ? null : misconception,
  };
}

export function gradeAnswer(question: Question, answer: Answer): Grade {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return gradeChoice(question, answer);
    case 'numeric':
      return gradeNumeric(question, answer);
    case 'text':
      return gradeText(question, answer);
  }
}
