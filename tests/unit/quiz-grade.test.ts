import { describe, expect, it } from 'vitest';
import { findModel } from '@/lib/models/catalog';
import { costOf } from '@/lib/models/cost';
import { expectedNumber, gradeAnswer } from '@/lib/quiz/grade';
import { containsPhrase, normalizeText } from '@/lib/quiz/normalize';
import { evaluateArithmetic, parseNumber, withinTolerance } from '@/lib/quiz/numbers';
import { questionSchema, type Question } from '@/lib/quiz/schema';

const base = { prompt: 'Q?', hint: 'A nudge.', explanation: 'Because.', source: 'cost' };
const q = (raw: Record<string, unknown>): Question => questionSchema.parse({ ...base, ...raw });

const single = q({
  id: 'single',
  kind: 'single',
  options: [
    { id: 'a', text: 'A', correct: true, explanation: 'yes' },
    { id: 'b', text: 'B', explanation: 'no' },
    { id: 'c', text: 'C', explanation: 'no' },
  ],
});
const multiple = q({
  id: 'multi',
  kind: 'multiple',
  options: [
    { id: 'a', text: 'A', correct: true, explanation: 'yes' },
    { id: 'b', text: 'B', correct: true, explanation: 'yes' },
    { id: 'c', text: 'C', explanation: 'no' },
  ],
});
const cost = q({ id: 'cost', kind: 'numeric', unit: 'usd', answer: { cost: { model: 'gpt-4o', input: 1000, output: 500 } } });
const text = q({
  id: 'text',
  kind: 'text',
  modelAnswer: 'AuthenticationError',
  rubric: {
    accepted: ['AuthenticationError', 'authentication error'],
    misconceptions: [{ any: ['BadRequestError'], feedback: 'Another status.' }],
  },
});
const ideas = q({
  id: 'ideas',
  kind: 'text',
  modelAnswer: 'A token limit cut the reply off.',
  rubric: { keyIdeas: [{ any: ['token', 'cap', 'limit'] }, { any: ['truncat', 'cut off', 'incomplete'] }] },
});

const correct = (question: Question, answer: string | string[]) => {
  const g = gradeAnswer(question, answer);
  if (!g.readable) throw new Error(`unreadable: ${g.message}`);
  return g.correct;
};

describe('single choice', () => {
  it('accepts the right option, as an id or a one-element list', () => {
    expect(correct(single, 'a')).toBe(true);
    expect(correct(single, ['a'])).toBe(true);
    expect(correct(single, 'b')).toBe(false);
  });
  it('refuses two options, no option and unknown ones instead of grading them', () => {
    expect(gradeAnswer(single, ['a', 'b'])).toMatchObject({ readable: false });
    expect(gradeAnswer(single, [])).toMatchObject({ readable: false });
    expect(gradeAnswer(single, 'z')).toMatchObject({ readable: false });
  });
});

describe('multiple choice', () => {
  it('is right only with exactly the right set, in any order, duplicates ignored', () => {
    expect(correct(multiple, ['b', 'a'])).toBe(true);
    expect(correct(multiple, ['a', 'b', 'a'])).toBe(true);
    expect(correct(multiple, ['a'])).toBe(false);
    expect(correct(multiple, ['a', 'b', 'c'])).toBe(false);
  });
  it('counts the right options left out', () => {
    expect(gradeAnswer(multiple, ['c'])).toMatchObject({ correct: false, missed: 2, chosen: ['c'] });
  });
});

describe('numeric with a tolerance', () => {
  it('works the answer out from the catalog prices', () => {
    const gpt4o = findModel('gpt-4o')!;
    expect(expectedNumber(cost as Extract<Question, { kind: 'numeric' }>)).toBeCloseTo(costOf(gpt4o, { promptTokens: 1000, completionTokens: 500 }), 12);
    expect(expectedNumber(cost as Extract<Question, { kind: 'numeric' }>)).toBeCloseTo(0.0075, 12);
  });
  it.each(['0.0075', '$0.0075', ' $ 0.0075 ', '0.0075 USD', 'US$0.0075', '.0075', '7.5e-3', '0,0075', '０.００７５', '$0.00751'])(
    'accepts %j',
    (answer) => expect(correct(cost, answer)).toBe(true),
  );
  it('takes a model limit from the catalog', () => {
    const limit = q({ id: 'limit', kind: 'numeric', unit: 'tokens', answer: { limit: { model: 'gpt-4o', field: 'maxOutputTokens' } } });
    expect(expectedNumber(limit as Extract<Question, { kind: 'numeric' }>)).toBe(findModel('gpt-4o')!.maxOutputTokens);
    expect(correct(limit, String(findModel('gpt-4o')!.maxOutputTokens.toLocaleString('en-US')))).toBe(true);
    expect(correct(limit, '128000')).toBe(false);
  });
  it.each(['0.075', '$0.00004', '0.008', '-0.0075', '75'])('rejects %j', (answer) => expect(correct(cost, answer)).toBe(false));
  it.each(['', 'about a cent', '$', '0.0075 0.01', '1.000,50'])('cannot read %j and says how to write it', (answer) => {
    const g = gradeAnswer(cost, answer);
    expect(g.readable).toBe(false);
    if (!g.readable) expect(g.message).toMatch(/\$0\.0123/);
  });
});

describe('parseNumber', () => {
  it.each([
    ['$1,234.50', 1234.5],
    ['1,000', 1000],
    ['12,345,678', 12345678],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['1,5', 1.5],
    ['\u22120.5', -0.5],
    ['-$3', -3],
    ['$-3', -3],
    ['+2', 2],
    ['128,000 tokens', 128000],
    ['2 dollars', 2],
    ['１２', 12],
    ['0.0075\u200b', 0.0075],
  ])('reads %j as %d', (input, expected) => expect(parseNumber(input)).toBe(expected));
  it.each(['', 'abc', '1.2.3', '1,23,4', '$$1', '1e', 'Infinity', 'NaN', '0x10'])('reads %j as nothing', (input) => expect(parseNumber(input)).toBeNull());
});

describe('withinTolerance', () => {
  it('accepts within either bound and refuses outside both', () => {
    expect(withinTolerance(1.009, 1, { relative: 0.01 })).toBe(true);
    expect(withinTolerance(1.02, 1, { relative: 0.01 })).toBe(false);
    expect(withinTolerance(1.02, 1, { relative: 0.01, absolute: 0.05 })).toBe(true);
    expect(withinTolerance(0.1 + 0.2, 0.3, { absolute: 0 })).toBe(true);
  });
});

describe('free text', () => {
  it.each([
    'AuthenticationError',
    '  authenticationerror ',
    'AUTHENTICATIONERROR',
    '`AuthenticationError`',
    'OpenAI.AuthenticationError',
    'openai.AuthenticationError (401)',
    'It throws an AuthenticationError.',
    'authentication   error',
    'Authentication_Error',
    'AuthenticationError\u200b',
    'Аuthеnticаtiоnеrrоr', // Cyrillic а, е, о
    'ＡｕｔｈｅｎｔｉｃａｔｉｏｎＥｒｒｏｒ', // full-width
    'Authenticatiοn error', // Greek omicron
  ])('accepts %j', (answer) => expect(correct(text, answer)).toBe(true));

  it.each(['BadRequestError', 'Authentication', 'AuthenticationErrors', 'NotAuthenticationError', 'error'])('rejects %j', (answer) =>
    expect(correct(text, answer)).toBe(false),
  );

  it('points to the misconception a wrong answer shows', () => {
    expect(gradeAnswer(text, 'a BadRequestError, I think')).toMatchObject({ correct: false, misconception: 0 });
    expect(gradeAnswer(text, 'no idea')).toMatchObject({ correct: false, misconception: null });
  });

  it('accepts an answer with every key idea, in its own words', () => {
    expect(correct(ideas, 'The reply got truncated by the token cap')).toBe(true);
    expect(correct(ideas, 'It hit the limit and was CUT OFF')).toBe(true);
    expect(correct(ideas, 'It hit the token limit')).toBe(false); // no "cut off" idea
    expect(correct(ideas, 'The reply is incomplete')).toBe(false); // no ceiling idea
  });

  it('refuses blank and over-long answers instead of grading them', () => {
    expect(gradeAnswer(text, '   ')).toMatchObject({ readable: false });
    expect(gradeAnswer(text, '!!!')).toMatchObject({ readable: false });
    expect(gradeAnswer(text, 'x'.repeat(301))).toMatchObject({ readable: false });
    expect(gradeAnswer(text, ['a'])).toMatchObject({ readable: false });
  });
});

describe('normalizeText', () => {
  it('folds case, accents, look-alikes, quotes, underscores and spacing', () => {
    expect(normalizeText('  Max_Completion_Tokens ')).toBe('max completion tokens');
    expect(normalizeText('“Résumé”\u00a0—\tﬁnal')).toBe('resume final');
    expect(normalizeText('рrоmрt')).toBe('prompt'); // Cyrillic р, о
  });
  it('matches phrases on whole words only', () => {
    expect(containsPhrase('an authenticationerror here', 'authenticationerror')).toBe(true);
    expect(containsPhrase('notauthenticationerror', 'authenticationerror')).toBe(false);
  });
});

describe('free text that names the answer without giving it', () => {
  const name = q({
    id: 'name',
    kind: 'text',
    modelAnswer: 'max_completion_tokens',
    rubric: {
      match: 'identifier',
      accepted: ['max_completion_tokens'],
      misconceptions: [
        { any: ['max_output_tokens'], feedback: 'Responses.' },
        { any: ['max_tokens'], feedback: 'Deprecated.' },
      ],
    },
  });
  const grade = (question: Question, answer: string) => gradeAnswer(question, answer);

  it.each([
    'not AuthenticationError, it is PermissionDeniedError',
    "it isn't AuthenticationError",
    'AuthenticationError? No.',
    'AuthenticationError is wrong',
    'instead of AuthenticationError, a 400',
    'rather than AuthenticationError: BadRequestError',
    'never AuthenticationError',
  ])('a negated accepted phrase is not right: %j', (answer) => expect(correct(text, answer)).toBe(false));

  it('an answer that also names a misconception is not right, and gets that misconception\'s feedback', () => {
    expect(grade(text, 'AuthenticationError or BadRequestError')).toMatchObject({ correct: false, misconception: 0 });
    expect(grade(text, 'not AuthenticationError, it is BadRequestError')).toMatchObject({ correct: false, misconception: 0 });
    expect(grade(name, 'max_completion_tokens? no, max_tokens')).toMatchObject({ correct: false, misconception: 1 });
  });

  it.each([
    'AuthenticationError, not BadRequestError',
    'no BadRequestError here: AuthenticationError',
    'if the key is not valid you get AuthenticationError',
    'AuthenticationError is not retried',
  ])('a misconception the answer rules out, or a negation elsewhere, does not spoil a right answer: %j', (answer) =>
    expect(correct(text, answer)).toBe(true),
  );

  it.each([
    ['max_completion_tokens', true],
    ['max_completion_tokens: 300', true],
    ['max_completion_tokens instead of max_tokens', true],
    ['replace max_tokens with max_completion_tokens', true],
    ['max_tokens -> max_completion_tokens', true],
    ['max_completion_tokens (max_tokens is deprecated)', true],
    ['max_completion_token', false],
    ['maxCompletionTokens', false],
    ['max completion tokens', false],
    ['Max_Completion_Tokens', true],
  ])('an identifier question wants the exact name: %j is %s', (answer, right) => expect(correct(name, answer)).toBe(right));
});

describe('evaluateArithmetic', () => {
  it.each([
    ['300 + 50 * 10 + 150 * 9', 2150],
    ['30 + 30 + 30 + 0.5 + 1', 91.5],
    ['(1000 * 2.5 + 500 * 10) / 1000000', 0.0075],
    ['-2 + 5', 3],
    ['2 * (3 + 4)', 14],
  ])('works out %s as %d', (expression, value) => expect(evaluateArithmetic(expression)).toBeCloseTo(value, 12));
  it.each(['', '1 +', '(1 + 2', '1 2', '1 / 0', 'process.exit()', '2 ** 3'])('refuses %j', (expression) =>
    expect(() => evaluateArithmetic(expression)).toThrow(/arithmetic/),
  );
  it('is a numeric answer a question can use', () => {
    const turn = q({ id: 'turn', kind: 'numeric', unit: 'tokens', answer: { compute: '300 + 50 * 10 + 150 * 9' }, tolerance: { absolute: 0 } });
    expect(correct(turn, '2,150')).toBe(true);
    expect(correct(turn, '2151')).toBe(false);
    expect(() => q({ id: 'bad', kind: 'numeric', answer: { compute: 'require("fs")' } })).toThrow();
  });
});
