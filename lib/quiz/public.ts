import { z } from 'zod';
import { MAX_ANSWER_CHARS } from './wire-limits';

/**
 * What the browser may know about a quiz: ids, prompts, options and hints, rendered to HTML on the server. No
 * correctness flags, explanations, answers or rubrics: those stay in `schema.ts` and reach the browser only as
 * feedback to an attempt, from `POST /api/quiz/check`.
 */
export interface ClientOption {
  id: string;
  html: string;
}

interface ClientQuestionBase {
  id: string;
  promptHtml: string;
  hintHtml: string;
}

export type ClientQuestion =
  | (ClientQuestionBase & { kind: 'single' | 'multiple'; options: ClientOption[] })
  | (ClientQuestionBase & { kind: 'numeric'; unit: 'usd' | 'tokens' | 'none' })
  | (ClientQuestionBase & { kind: 'text'; maxLength: number });

export interface ClientChallenge {
  id: string;
  title: string;
  promptHtml: string;
  hintHtml: string;
  /** The error drill to pick in the output panel before running, if the challenge needs one. */
  drill?: string;
}

export interface ClientQuiz {
  lesson: string;
  questions: ClientQuestion[];
  challenges: ClientChallenge[];
}

/** Ids only: enough for the course index to count progress. */
export interface QuizOutline {
  lesson: string;
  questions: string[];
  challenges: string[];
}

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(80);
const itemId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(64);

export { MAX_ANSWER_CHARS } from './wire-limits';

/**
 * `POST /api/quiz/check`, checked in the browser before sending and on the server on arrival: an answer to grade,
 * or `reveal: true` when the learner asks to see the answer (and the progress records it as shown, not as right).
 */
export const checkRequestSchema = z.union([
  z
    .object({
      lesson: slug,
      question: itemId,
      answer: z.union([z.string().max(MAX_ANSWER_CHARS), z.array(itemId).max(8)]),
    })
    .strict(),
  z.object({ lesson: slug, question: itemId, reveal: z.literal(true) }).strict(),
]);

export type CheckRequest = z.infer<typeof checkRequestSchema>;

export interface OptionFeedback {
  id: string;
  correct: boolean;
  html: string;
}

/**
 * A wrong attempt gets only what was chosen explained (and misconception feedback): no explanation, no model
 * answer, no right option, so the next try is still the learner's own. Those come with a right answer, or with
 * `revealed` when the learner asks for them.
 */
export type CheckResult =
  | {
      status: 'answered' | 'revealed';
      /** Always false for `revealed`. */
      correct: boolean;
      /** Why the answer is what it is; only once right or revealed. */
      explanationHtml?: string;
      /** The lesson passage the question comes from. */
      source: { href: string; title: string };
      /** Choice questions: why each chosen option (all options, once right or revealed) is right or wrong. */
      options?: OptionFeedback[];
      /** Multiple choice: right options the learner left out. */
      missed?: number;
      /** Free text: the model answer; numeric: the exact value. Only once right or revealed. */
      modelAnswerHtml?: string;
      /** Targeted feedback for a known wrong turn. */
      feedbackHtml?: string;
    }
  /** The answer could not be read (e.g. no number in it); not counted as an attempt. */
  | { status: 'unreadable'; message: string };

export interface ChallengeResult {
  id: string;
  passed: boolean;
  /** Why not, in a sentence; or what passed it. */
  message: string;
}
