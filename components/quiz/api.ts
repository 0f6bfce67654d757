import type { ChallengeResult, CheckRequest, CheckResult } from '@/lib/quiz/public';
import { MAX_ANSWER_CHARS } from '@/lib/quiz/wire-limits';
import type { RunExchange } from '@/lib/quiz/exchange';

/** The quiz API from the browser. Bodies are checked on the server; no schema library ships to the page for it. */
async function post<T>(url: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new Error('Could not reach the server. Check your connection and try again.');
  }
  const data = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(data?.error?.message ?? `The server answered ${response.status}.`);
  return data as T;
}

export function checkAnswer(request: CheckRequest): Promise<CheckResult> {
  // The server checks the whole body (lib/quiz/public.ts); the one limit a learner can hit by typing is said here.
  if ('answer' in request && typeof request.answer === 'string' && request.answer.length > MAX_ANSWER_CHARS)
    return Promise.reject(new Error(`Answers are at most ${MAX_ANSWER_CHARS} characters.`));
  return post<CheckResult>('/api/quiz/check', request);
}

export async function checkRun(lesson: string, exchanges: RunExchange[], outcome?: string): Promise<ChallengeResult[]> {
  return (await post<{ results: ChallengeResult[] }>('/api/quiz/challenges', { lesson, exchanges, ...(outcome ? { outcome } : {}) })).results;
}
