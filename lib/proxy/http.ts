import { randomUUID } from 'node:crypto';
import { apiErrors } from '@/lib/errors';

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

export function newRequestId(): string {
  // randomUUID draws from a cached pool: far cheaper per request than randomBytes.
  return `req_${randomUUID().replace(/-/g, '')}`;
}

/**
 * The client's address: `hops` entries from the end of X-Forwarded-For, the one the outermost trusted proxy
 * wrote. Next.js fills the header with the socket address when no proxy set it.
 */
export function clientIp(headers: Headers, hops: number): string {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!chain.length) return headers.get('x-real-ip') ?? 'unknown';
  return chain[Math.max(chain.length - Math.max(hops, 1), 0)]!;
}

/** Reads a JSON body without trusting it: content type, size cap (streamed, not buffered past it), syntax. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type');
  const media = type?.split(';')[0]?.trim().toLowerCase();
  if (media !== 'application/json' && !media?.endsWith('+json')) throw apiErrors.unsupportedMediaType(type);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw apiErrors.tooLarge(maxBytes);
  if (!request.body) throw apiErrors.invalidJson();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw apiErrors.tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw apiErrors.invalidJson();
  }
}
