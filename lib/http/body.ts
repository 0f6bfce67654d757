import { apiErrors } from '@/lib/errors';

export interface ReadJsonOptions {
  /** Largest body accepted, in bytes: a larger one is a 413, found without buffering past the cap. */
  maxBytes: number;
}

/**
 * Reads a JSON body without trusting it: the content type (`application/json` or `+json`), the size (the declared
 * length first, then the bytes as they stream in, so a lying or absent Content-Length can't make the server buffer
 * more than `maxBytes`), then the syntax. Every failure is one `ApiError` in OpenAI's wording (415, 413, 400).
 */
export async function readJsonBody(request: Request, { maxBytes }: ReadJsonOptions): Promise<unknown> {
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
