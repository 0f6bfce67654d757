import { z } from 'zod';

/**
 * A lesson's `quiz.yaml`: the questions that close the lesson and the challenges its example can pass. This
 * module holds the answer keys, so only server code may import it; the browser gets `ClientQuiz` (see `public.ts`).
 */
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lowercase-kebab')
  .max(64);

/** Markdown, rendered through the lesson pipeline; may use `{{cost MODEL IN OUT}}` like the lesson text. */
const markdown = (what: string) => z.string().trim().min(1).max(2_000).describe(what);

/** An anchor on the lesson page: a section (`cost`), a field (`field-finish_reason`) or an error class. */
const source = z
  .string()
  .regex(/^[a-z0-9_-]+$/, 'a page anchor such as cost, field-finish_reason or error-ratelimiterror')
  .describe('The anchor of the lesson passage the question comes from; the explanation links to it');

const common = {
  id: id.describe('Stable id; progress is stored by it, so never reuse one for a different question'),
  prompt: markdown('The question'),
  hint: markdown('A nudge the learner can open before answering; it must not give the answer away'),
  explanation: markdown(
    'Shown after a right answer, or when the learner asks to see the answer: why the answer is what it is',
  ),
  source,
};

const option = z
  .object({
    id: id.describe('Option id, sent by the browser; must not hint at correctness'),
    text: markdown('The option as shown'),
    correct: z.boolean().default(false).describe('Whether choosing this option is right'),
    explanation: markdown('Why this option is right or wrong, shown once the learner has chosen it'),
  })
  .strict();

const choiceQuestion = <K extends 'single' | 'multiple'>(kind: K) =>
  z
    .object({ ...common, kind: z.literal(kind), options: z.array(option).min(2).max(8) })
    .strict()
    .superRefine((q, ctx) => {
      const right = q.options.filter((o) => o.correct).length;
      if (kind === 'single' && right !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: `a single-choice question needs exactly one correct option, found ${right}`,
        });
      if (kind === 'multiple' && right < 1)
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'a multiple-choice question needs at least one correct option',
        });
      const ids = q.options.map((o) => o.id);
      if (new Set(ids).size !== ids.length)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be unique' });
      if (ids.some((i) => /^(correct|right|wrong|incorrect|true|false|yes|no)$/.test(i))) {
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'option ids are sent to the browser: they must not say whether the option is right',
        });
      }
    });

/**
 * A numeric question's answer. Lessons compute it from data, never type it: `cost` and `limit` follow the catalog
 * when prices or limits change, and `compute` is arithmetic on numbers the question or its explanation states
 * (`compute: "300 + 50 * 10 + 150 * 9"`). `tests/content/lesson-links.test.ts` refuses a typed `value` in a lesson's
 * quiz (it stays for the unit tests' fixtures).
 */
export const numericAnswerSchema = z.union([
  z.object({ value: z.number().finite() }).strict().describe('A fixed number'),
  z
    .object({
      cost: z
        .object({
          model: z.string().min(1),
          input: z.number().int().min(0),
          output: z.number().int().min(0),
          cached: z.number().int().min(0).default(0),
        })
        .strict(),
    })
    .strict()
    .describe('The dollar cost of a request at the catalog prices, so the answer follows the dated data'),
  z
    .object({
      limit: z
        .object({ model: z.string().min(1), field: z.enum(['contextWindow', 'maxOutputTokens']) })
        .strict(),
    })
    .strict()
    .describe("A model's context window or output ceiling, in tokens, from the catalog"),
  z
    .object({
      compute: z
        .string()
        .max(200)
        .regex(/^[\d\s.+\-*/()]+$/, 'numbers, + - * / and parentheses only, such as 300 + 50 * 10 + 150 * 9'),
    })
    .strict()
    .describe(
      'Arithmetic on numbers the prompt or explanation states (the content test checks each appears there): the working, not a typed result',
    ),
]);

const numericQuestion = z
  .object({
    ...common,
    kind: z.literal('numeric'),
    answer: numericAnswerSchema,
    tolerance: z
      .object({
        absolute: z.number().min(0).optional().describe('Largest accepted distance from the answer'),
        relative: z
          .number()
          .min(0)
          .max(0.5)
          .optional()
          .describe('Largest accepted distance as a fraction of the answer'),
      })
      .strict()
      .default({ relative: 0.01 })
      .describe('How far off an answer may be; either bound accepts. @default { relative: 0.01 }'),
    unit: z
      .enum(['usd', 'tokens', 'none'])
      .default('none')
      .describe('Shown beside the input; `usd` accepts a leading $'),
  })
  .strict();

const term = z.string().trim().min(1).max(80);

/**
 * Answers a text question's rubric must grade as expected, checked by `tests/content/quiz-answers.test.ts` and
 * never sent to the browser. Every text question in a lesson needs at least 10 of them, at least 2 right and 5
 * wrong, and the wrong ones should be the tricky ones: the right name negated ("not X", "X? no", "instead of X",
 * "X isn't it"), both options named ("X or Y"), a misconception alone, a typo of the right name
 * (`max_completion_token`, `maxCompletionTokens`). A wrong answer that names a misconception gives its index
 * (0-based, in `rubric.misconceptions`), so the test also checks which feedback the learner gets:
 *
 *     tests:
 *       right: ["max_completion_tokens", "max_completion_tokens, not max_tokens"]
 *       wrong:
 *         - "max_completion_token"
 *         - { answer: "max_completion_tokens? no, max_tokens", misconception: 1 }
 */
const textTests = z
  .object({
    right: z
      .array(z.string().min(1).max(500))
      .max(40)
      .default([])
      .describe('Answers that must be graded right'),
    wrong: z
      .array(
        z.union([
          z.string().min(1).max(500),
          z
            .object({
              answer: z.string().min(1).max(500),
              misconception: z.number().int().min(0).max(5).optional(),
            })
            .strict(),
        ]),
      )
      .max(40)
      .default([])
      .describe('Answers that must be graded wrong; with `misconception`, the feedback that must be chosen'),
  })
  .strict();

const textQuestion = z
  .object({
    ...common,
    kind: z.literal('text'),
    rubric: z
      .object({
        accepted: z
          .array(term)
          .max(20)
          .default([])
          .describe(
            'Phrasings that are right wherever the answer gives them (not negated, and with no misconception beside them)',
          ),
        keyIdeas: z
          .array(z.object({ any: z.array(term).min(1).max(20) }).strict())
          .max(6)
          .default([])
          .describe(
            'Ideas a right answer must all contain; each is met by any one of its terms (a term matches at a word start)',
          ),
        misconceptions: z
          .array(
            z
              .object({
                any: z.array(term).min(1).max(20),
                feedback: markdown('Feedback for this misconception'),
              })
              .strict(),
          )
          .max(6)
          .default([])
          .describe(
            'Known wrong turns with targeted feedback; an answer that names one as its answer is not right',
          ),
        match: z
          .enum(['words', 'identifier'])
          .default('words')
          .describe(
            'How answers are compared: `words` folds punctuation and underscores to spaces; `identifier` (for questions that ask for an SDK or API name) keeps underscores, so `max_completion_token` or `maxCompletionTokens` is not `max_completion_tokens`',
          ),
      })
      .strict()
      .refine(
        (r) => r.accepted.length > 0 || r.keyIdeas.length > 0,
        'a rubric needs accepted phrasings or key ideas',
      ),
    modelAnswer: markdown('Shown after a right answer, or when the learner asks to see the answer'),
    maxLength: z.number().int().min(10).max(500).default(300),
    tests: textTests.optional(),
  })
  .strict();

export const questionSchema = z.discriminatedUnion('kind', [
  choiceQuestion('single'),
  choiceQuestion('multiple'),
  numericQuestion,
  textQuestion,
]);

/** A field of a request or response: `tool_choice.function.name`, `choices[0].message.tool_calls.length`. */
const fieldPath = z
  .string()
  .regex(
    /^[a-z_][a-z0-9_]*(?:\.[a-z0-9_]+|\[\d+\])*$/i,
    'a field path such as choices[0].message.tool_calls.length',
  )
  .max(120);

/** Rules that one exchange of the run must meet (on what it received and on the server's replay of it). */
const exchangeRules = [
  z
    .object({
      kind: z.literal('finish_reason'),
      equals: z.enum(['stop', 'length', 'tool_calls', 'content_filter']),
    })
    .strict()
    .describe('Some choice of one response ended with this finish_reason'),
  z
    .object({ kind: z.literal('choices'), atLeast: z.number().int().min(2).max(8) })
    .strict()
    .describe('One request asked for and got at least this many choices'),
  z
    .object({ kind: z.literal('stream'), minContentChunks: z.number().int().min(1).max(100).default(2) })
    .strict()
    .describe('The reply was streamed, in at least this many content pieces'),
  z
    .object({ kind: z.literal('json'), schema: z.record(z.string(), z.unknown()).optional() })
    .strict()
    .describe(
      'The request asked for JSON (response_format) and the reply parses, and validates against the schema if one is given',
    ),
  z
    .object({
      kind: z.literal('field'),
      in: z
        .enum(['request', 'response'])
        .describe('The request body sent, or the response received (a stream put back together)'),
      path: fieldPath.describe(
        'Dotted path; `[n]` indexes an array and a final `.length` counts its items or characters',
      ),
      equals: z
        .union([z.string().max(200), z.number(), z.boolean(), z.null()])
        .optional()
        .describe('The value must be exactly this'),
      atLeast: z.number().optional().describe('A number at least this'),
      atMost: z.number().optional().describe('A number at most this'),
      exists: z.boolean().optional().describe('true: present and not null; false: absent or null'),
      includes: z.string().min(1).max(200).optional().describe('A string that contains this, ignoring case'),
    })
    .strict()
    .refine(
      (r) => [r.equals, r.atLeast, r.atMost, r.exists, r.includes].some((v) => v !== undefined),
      'a field rule needs equals, atLeast, atMost, exists or includes',
    )
    .describe('One request (or the response to it) has this field with this value'),
] as const;

/** Rules about the run as a whole: several requests, errors and retries. */
const runRules = [
  z
    .object({ kind: z.literal('conversation'), minRequests: z.number().int().min(2).max(8).default(2) })
    .strict()
    .describe(
      'At least this many answered requests, and a later one resends an earlier reply as an assistant message',
    ),
  z
    .object({ kind: z.literal('recovered'), status: z.number().int().min(400).max(599) })
    .strict()
    .describe('A request failed with this status, and the same request was sent again and answered'),
  z
    .object({ kind: z.literal('error'), status: z.number().int().min(400).max(599), retried: z.boolean() })
    .strict()
    .describe(
      'A request failed with this status, was (or was not) sent again, and the program still finished without an uncaught error',
    ),
  z
    .object({ kind: z.literal('completed') })
    .strict()
    .describe(
      'The program ran to its end without an uncaught error (with `all`: "and your code handled it")',
    ),
] as const;

export const singleRuleSchema = z.discriminatedUnion('kind', [...exchangeRules, ...runRules]);

/** What a run must show for a challenge to pass; the server applies it to the recorded and the replayed run. */
export const challengeRuleSchema = z.union([
  singleRuleSchema,
  z
    .object({ kind: z.literal('all'), rules: z.array(singleRuleSchema).min(2).max(4) })
    .strict()
    .describe('Every one of these rules holds for the run'),
]);

/** Error drills a challenge can ask the learner to pick in the output panel (the same names the runner offers). */
export const challengeDrillSchema = z.enum(['401', '429', '500', 'timeout', 'dropped', 'flaky', 'refusal']);

export const challengeSchema = z
  .object({
    id,
    title: z.string().trim().min(3).max(100).describe('What to make happen, in a few words'),
    prompt: markdown('The task'),
    hint: markdown('How to go about it'),
    rule: challengeRuleSchema,
    drill: challengeDrillSchema
      .optional()
      .describe('The error drill the learner picks for this challenge; the run must have carried it'),
    source,
  })
  .strict();

export const quizFileSchema = z
  .object({
    questions: z.array(questionSchema).min(1).max(30),
    challenges: z.array(challengeSchema).max(10).default([]),
  })
  .strict()
  .superRefine((quiz, ctx) => {
    const ids = [...quiz.questions.map((q) => q.id), ...quiz.challenges.map((c) => c.id)];
    const dupes = ids.filter((x, i) => ids.indexOf(x) !== i);
    if (dupes.length)
      ctx.addIssue({
        code: 'custom',
        message: `ids must be unique across questions and challenges: ${[...new Set(dupes)].join(', ')}`,
      });
  });

export type QuizFile = z.infer<typeof quizFileSchema>;
export type Question = z.infer<typeof questionSchema>;
export type ChoiceQuestion = Extract<Question, { kind: 'single' | 'multiple' }>;
export type NumericQuestion = Extract<Question, { kind: 'numeric' }>;
export type TextQuestion = Extract<Question, { kind: 'text' }>;
export type Challenge = z.infer<typeof challengeSchema>;
export type ChallengeRule = z.infer<typeof challengeRuleSchema>;
export type SingleRule = z.infer<typeof singleRuleSchema>;
