/** The error envelope as the browser reads it: `{ error: { message, type, param, code, fields? } }`. */
export interface ErrorDetails {
  message: string;
  code: string | null;
  param: string | null;
  fields?: Record<string, string>;
}

/** Reads the envelope from a response body; undefined when the body is not one. Browser-safe (no server imports). */
export function readErrorEnvelope(body: unknown): ErrorDetails | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { message, code, param, fields } = error as Record<string, unknown>;
  if (typeof message !== 'string') return undefined;
  return {
    message,
    code: typeof code === 'string' ? code : null,
    param: typeof param === 'string' ? param : null,
    ...(fields && typeof fields === 'object' ? { fields: fields as Record<string, string> } : {}),
  };
}
