import 'server-only';
import { NoteError } from './errors';

/**
 * The client's address for per-address limits: the last X-Forwarded-For entry, the one added by the nearest proxy
 * (`next start` adds the socket address when the header is absent). Without a proxy in front that sets the header,
 * a client can choose its own value: the per-lesson limit is the backstop that cannot be dodged.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last || headers.get('x-real-ip')?.trim() || 'unknown';
}

/**
 * Same-origin only: a browser request from another site (Sec-Fetch-Site, or an Origin whose host differs from the
 * one the request was sent to) is refused. Requests without either header are not from a browser and cannot be
 * cross-site forgeries.
 */
export function assertSameOrigin(headers: Headers): void {
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw crossOrigin();
  const origin = headers.get('origin');
  if (origin === null) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw crossOrigin();
  }
  const hosts = [headers.get('host'), headers.get('x-forwarded-host')].filter(Boolean);
  if (!hosts.includes(originHost)) throw crossOrigin();
}

const crossOrigin = () =>
  new NoteError(
    'cross_origin',
    'Notes can only be posted from Tokenwise itself (cross-site requests are refused).',
  );

/** Reads a JSON body of at most `maxBytes`, without trusting Content-Length. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new NoteError(
      'unsupported_media_type',
      "Send the note as JSON with 'Content-Type: application/json'.",
    );
  }
  const tooLarge = () =>
    new NoteError(
      'request_too_large',
      `Request body too large: at most ${maxBytes.toLocaleString('en-US')} bytes.`,
    );
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new NoteError('invalid_json', 'The request body is not valid JSON.');
  }
}
