import { handleChallenges } from '@/lib/quiz/service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Checks a run of a lesson's example against the lesson's challenges: `{ lesson, exchanges }` in (the exchanges
 * the runner recorded), `{ results: ChallengeResult[] }` out. Each request is replayed on the sandbox, so the
 * verdict never rests on a response the page could have edited.
 */
export function POST(request: Request): Promise<Response> {
  return handleChallenges(request);
}
