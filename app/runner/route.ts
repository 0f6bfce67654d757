import { frameResponse } from '@/lib/runner/frame-page';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The sandboxed runner frame (`<iframe sandbox="allow-scripts" src="/runner">`): a blank page whose script runs
 * learner code in workers. Its CSP is built per request because it names the app's own origin: the frame may
 * connect to `<origin>/api/v1/` and nowhere else.
 */
export function GET(request: Request): Response {
  return frameResponse(request);
}
