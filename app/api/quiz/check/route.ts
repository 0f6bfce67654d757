import { handleCheck } from '@/lib/quiz/service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Checks one quiz answer: `{ lesson, question, answer }` in, `CheckResult` (see `lib/quiz/public.ts`) out. The
 * answer keys stay on the server; only the verdict and its explanation come back.
 */
export function POST(request: Request): Promise<Response> {
  return handleCheck(request);
}
