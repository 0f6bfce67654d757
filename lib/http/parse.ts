import type { z } from 'zod';
import { ApiError } from '@/lib/errors';

const pathOf = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );

/**
 * Parses `value` with a route's zod schema: its data, or a 400 naming each field at fault (`param` is the first).
 * The proxy words its 400s as OpenAI does (`lib/proxy/zod-errors.ts`); the app's own routes use this.
 */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code = 'invalid_request',
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const message = issues.map((i) => `${pathOf(i.path) || 'body'}: ${i.message}`).join('; ');
  throw new ApiError(400, message, { code, param: issues[0] ? pathOf(issues[0].path) || null : null });
}
