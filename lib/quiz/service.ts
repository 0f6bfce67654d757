import 'server-only';
import { env } from '@/lib/env';
import { checkAnswer } from './check';
import { checkRun } from './challenges';
import { runCheckRequestSchema } from './exchange';
import { clientIp, errorResponse, json, QuizHttpError, readJson } from './http';
import { getQuiz } from './load';
import { checkRequestSchema } from './public';
import { createCheckLimiter, quizLimitStore, type CheckLimiter } from './rate-limit';
import { replayOnSandbox } from './replay';

/** Largest `POST /api/quiz/check` body: an answer is at most a few hundred characters. */
const MAX_CHECK_BYTES = 4 * 1024;
/** Largest `POST /api/quiz/challenges` body: a run's requests and responses, streamed chunks included. */
const MAX_RUN_BYTES = 1024 * 1024;

const LIMITER = Symbol.for('tokenwise.quizLimiter');

/** One limiter per process, shared by answer and challenge checks (kept on globalThis: each route is its own bundle). */
export function quizLimiter(): CheckLimiter {
  const holder = globalThis as unknown as Record<symbol, CheckLimiter | undefined>;
  holder[LIMITER] ??= createCheckLimiter(env().QUIZ_CHECKS_PER_MINUTE, quizLimitStore(env().REDIS_URL));
  return holder[LIMITER];
}

export function callerOf(request: Request): string {
  return clientIp(request.headers, env().TRUSTED_PROXY_HOPS);
}

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`).join('; ');
}

/** `POST /api/quiz/check`: rate-limit, parse, grade. */
export async function handleCheck(request: Request): Promise<Response> {
  try {
    await quizLimiter().admit(callerOf(request));
    const parsed = checkRequestSchema.safeParse(await readJson(request, MAX_CHECK_BYTES));
    if (!parsed.success) throw new QuizHttpError(400, 'invalid_request', describeIssues(parsed.error.issues));
    const quiz = await getQuiz(parsed.data.lesson);
    if (!quiz) throw new QuizHttpError(404, 'lesson_not_found', `No lesson "${parsed.data.lesson}" with a quiz.`);
    const result = checkAnswer(quiz, parsed.data);
    if (!result) throw new QuizHttpError(404, 'question_not_found', `Lesson "${parsed.data.lesson}" has no question "${parsed.data.question}".`);
    return json(result);
  } catch (error) {
    return errorResponse(error);
  }
}

/** `POST /api/quiz/challenges`: rate-limit, parse, then check the run against every challenge of the lesson. */
export async function handleChallenges(request: Request): Promise<Response> {
  try {
    await quizLimiter().admit(callerOf(request));
    const parsed = runCheckRequestSchema.safeParse(await readJson(request, MAX_RUN_BYTES));
    if (!parsed.success) throw new QuizHttpError(400, 'invalid_request', describeIssues(parsed.error.issues));
    const quiz = await getQuiz(parsed.data.lesson);
    if (!quiz) throw new QuizHttpError(404, 'lesson_not_found', `No lesson "${parsed.data.lesson}" with a quiz.`);
    return json({ results: await checkRun(quiz.file.challenges, parsed.data.exchanges, replayOnSandbox) });
  } catch (error) {
    return errorResponse(error);
  }
}
