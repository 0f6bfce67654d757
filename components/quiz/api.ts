import { checkRequestSchema, type ChallengeResult, type CheckRequest, type CheckResult } from '@/lib/quiz/public';
import type { RunExchange } from '@/lib/quiz/exchange';

/** The quiz API from the browser: the same schema checks the body here and on the server. */
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
  const parsed = checkRequestSchema.safeParse(request);
  if (!parsed.success) return Promise.reject(new Error(parsed.error.issues[0]?.message ?? 'That answer cannot be sent.'));
  return post<CheckResult>('/api/quiz/check', parsed.data);
}

export async function checkRun(lesson: string, exchanges: RunExchange[], outcome?: string): Promise<ChallengeResult[]> {
  return (await post<{ results: ChallengeResult[] }>('/api/quiz/challenges', { lesson, exchanges, ...(outcome ? { outcome } : {}) })).results;
}
