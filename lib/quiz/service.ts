import 'server-only';
import { env } from '@/lib/env';
import { checkAnswer } from './check';
import { clientIp, errorResponse, json, QuizHttpError, readJson } from './http';
import { getQuiz } from './load';
import { checkRequestSchema } from './public';
import { createCheckLimiter, type CheckLimiter } from './rate-limit';

/** Largest `POST /api/quiz/check` body: an answer is at most a few hundred characters. */
const MAX_CHECK_BYTES = 4 * 1024;

let limiter: CheckLimiter | undefined;

/** One limiter per process, shared by answer checks and challenge checks. */
export function quizLimiter(): CheckLimiter {
  limiter ??= createCheckLimiter(env().QUIZ_CHECKS_PER_MINUTE);
  return limiter;
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
