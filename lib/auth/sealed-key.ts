import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * A learner's own key, sealed for the runner: the page trades the key for this token once, and the learner's code
 * only ever sees the token. It is encrypted and authenticated (AES-256-GCM under a key derived from this server's
 * secret), expires, and names this app as its audience, so code that copies it learns nothing and can only spend
 * it through this proxy until it expires. `tw_sk_` tells it apart from runner tokens (`tw_rt_`) and raw keys.
 */
export const SEALED_KEY_PREFIX = 'tw_sk_';
const AUDIENCE = 'tokenwise-proxy';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** OpenAI keys are a few hundred characters at most; anything longer is not a key. */
export const MAX_KEY_CHARS = 512;

const sealedSchema = z.object({
  v: z.literal(1),
  k: z.string().min(1).max(MAX_KEY_CHARS),
  exp: z.number().int(),
  aud: z.literal(AUDIENCE),
});

/** A separate key from the runner-token signing secret, so one can never stand in for the other. */
const keyOf = (secret: string) => createHash('sha256').update(`tokenwise sealed-key v1\0${secret}`).digest();
const nowSeconds = () => Math.floor(Date.now() / 1000);

export function isSealedKey(token: string): boolean {
  return token.startsWith(SEALED_KEY_PREFIX);
}

export function sealKey(
  secret: string,
  key: string,
  { ttlSeconds, now = nowSeconds() }: { ttlSeconds: number; now?: number },
) {
  const exp = now + ttlSeconds;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([
    cipher.update(JSON.stringify({ v: 1, k: key, exp, aud: AUDIENCE }), 'utf8'),
    cipher.final(),
  ]);
  const token = SEALED_KEY_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

export type OpenResult = { ok: true; key: string } | { ok: false; reason: 'malformed' | 'expired' };

export function openSealedKey(secret: string, token: string, now = nowSeconds()): OpenResult {
  if (!isSealedKey(token) || token.length > 4 * MAX_KEY_CHARS) return { ok: false, reason: 'malformed' };
  const raw = Buffer.from(token.slice(SEALED_KEY_PREFIX.length), 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return { ok: false, reason: 'malformed' };
  let parsed: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    parsed = JSON.parse(
      Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8'),
    );
  } catch {
    return { ok: false, reason: 'malformed' }; // tampered, another server's, or not ours at all
  }
  const sealed = sealedSchema.safeParse(parsed);
  if (!sealed.success) return { ok: false, reason: 'malformed' };
  if (sealed.data.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, key: sealed.data.k };
}
