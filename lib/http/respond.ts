import { errorResponse } from '@/lib/errors';

/** A JSON answer, never cached unless the route says otherwise. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });
}

/**
 * The route shape every JSON route uses: do the work, answer with what it returns; anything it throws goes out
 * through `errorResponse` (OpenAI's envelope, `x-request-id`, a logged 500 for the unexpected).
 */
export async function respond(work: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    return errorResponse(error);
  }
}
