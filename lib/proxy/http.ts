/**
 * The proxy's own HTTP pieces: CORS for the runner, and the backend header. Reading bodies, client addresses and
 * errors are the app's one kit (`lib/http`).
 */

/** The header naming which backend answered: `sandbox` or `upstream`. */
export const BACKEND_HEADER = 'x-tokenwise-backend';

/**
 * CORS for the lesson runner: it runs in a sandboxed iframe, so its requests come from `Origin: null`. The API
 * uses bearer tokens, never cookies, so any origin may call it, as with OpenAI's own API.
 */
const EXPOSED = [
  'x-request-id',
  'x-upstream-request-id',
  'x-ratelimit-limit-requests',
  'x-ratelimit-remaining-requests',
  'x-ratelimit-reset-requests',
  'x-ratelimit-limit-tokens',
  'x-ratelimit-remaining-tokens',
  'x-ratelimit-reset-tokens',
  'retry-after',
  'retry-after-ms',
  'x-should-retry',
  BACKEND_HEADER,
].join(', ');

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': EXPOSED,
};

/**
 * Answers a preflight, echoing the requested headers: `Access-Control-Allow-Headers: *` does not cover
 * `Authorization`, and the SDK adds several `x-stainless-*` headers of its own.
 */
export function preflightResponse(request: Request, methods: string): Response {
  const asked = request.headers.get('access-control-request-headers') ?? '';
  const headers = asked
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => /^[a-z0-9-]+$/.test(h));
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'access-control-allow-methods': methods,
      'access-control-allow-headers': [...new Set(['authorization', 'content-type', ...headers])].join(', '),
      'access-control-max-age': '600',
      vary: 'Access-Control-Request-Headers',
    },
  });
}
