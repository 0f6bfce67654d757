import 'server-only';

/**
 * The quiz API's way out to HTTP: JSON bodies, `{ error: { message, code } }` for failures, and a body reader
 * that never buffers past its cap.
 */
export class QuizHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'QuizHttpError';
  }
}

const NO_STORE = { 'cache-control': 'no-store' };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof QuizHttpError) {
    return json({ error: { message: error.message, code: error.code } }, error.status, error.headers);
  }
  console.error('quiz API error', error);
  return json({ error: { message: 'Something went wrong checking that answer.', code: 'internal_error' } }, 500);
}

export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const media = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (media !== 'application/json') throw new QuizHttpError(415, 'unsupported_media_type', 'Send the body as application/json.');
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) throw new QuizHttpError(400, 'invalid_json', 'The body is empty.');
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new QuizHttpError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

function tooLarge(maxBytes: number) {
  return new QuizHttpError(413, 'request_too_large', `The body is larger than ${maxBytes} bytes.`);
}

/** The caller's address: `hops` entries from the end of X-Forwarded-For, as the proxy in front wrote it. */
export function clientIp(headers: Headers, hops: number): string {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!chain.length) return headers.get('x-real-ip') ?? 'unknown';
  return chain[Math.max(chain.length - Math.max(hops, 1), 0)]!;
}
