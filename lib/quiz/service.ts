import 'server-only';
import { env } from '@/lib/env';
import { checkAnswer } from './check';
import { checkRun } from './challenges';
import { runCheckRequestSchema } from './exchange';
import { ApiError, clientAddress, json, parseOr400, readJsonBody, respond } from '@/lib/http';
import { createPerClientLimiter, type PerClientLimiter } from '@/lib/limits/per-client';
import { sharedLimitStore } from '@/lib/limits/store';
import { getQuiz } from './load';
import { checkRequestSchema } from './public';
import { replayOnSandbox } from './replay';

/** Largest `POST /api/quiz/check` body: an answer is at most a few hundred characters. */
const MAX_CHECK_BYTES = 4 * 1024;
/**
 * Largest `POST /api/quiz/challenges` body: a run's requests and responses, streamed chunks included. A lesson's run
 * is a few small requests; this is one full proxy request (MAX_BODY_BYTES' default), so no run is refused while the
 * replay never has more to parse and tokenize than one proxy call.
 */
const MAX_RUN_BYTES = 256 * 1024;

const LIMITER = Symbol.for('tokenwise.quizLimiter');

/** One limiter per process, shared by answer and challenge checks (kept on globalThis: each route is its own bundle). */
export function quizLimiter(): PerClientLimiter {
  const holder = globalThis as unknown as Record<symbol, PerClientLimiter | undefined>;
  holder[LIMITER] ??= createPerClientLimiter('quiz-check', env().QUIZ_CHECKS_PER_MINUTE, 'checks', sharedLimitStore());
  return holder[LIMITER];
}

export function callerOf(request: Request): string {
  return clientAddress(request.headers);
}

/** `POST /api/quiz/check`: rate-limit, parse, grade. */
export async function handleCheck(request: Request): Promise<Response> {
  return respond(async () => {
    await quizLimiter().admit(callerOf(request));
    const body = parseOr400(checkRequestSchema, await readJsonBody(request, { maxBytes: MAX_CHECK_BYTES }));
    const quiz = await getQuiz(body.lesson);
    if (!quiz)
      throw new ApiError(404, `No lesson "${body.lesson}" with a quiz.`, { code: 'lesson_not_found' });
    const result = checkAnswer(quiz, body);
    if (!result)
      throw new ApiError(404, `Lesson "${body.lesson}" has no question "${body.question}".`, {
        code: 'question_not_found',
      });
    return json(result);
  });
}

/** `POST /api/quiz/challenges`: rate-limit, parse, then check the run against every challenge of the lesson. */
export async function handleChallenges(request: Request): Promise<Response> {
  return respond(async () => {
    await quizLimiter().admit(callerOf(request));
    const body = parseOr400(runCheckRequestSchema, await readJsonBody(request, { maxBytes: MAX_RUN_BYTES }));
    const quiz = await getQuiz(body.lesson);
    if (!quiz)
      throw new ApiError(404, `No lesson "${body.lesson}" with a quiz.`, { code: 'lesson_not_found' });
    return json({
      results: await checkRun(quiz.file.challenges, body.exchanges, replayOnSandbox, body.outcome),
    });
  });
}
