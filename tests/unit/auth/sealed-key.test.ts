import { describe, expect, it } from 'vitest';
import { isSealedKey, openSealedKey, sealKey } from '@/lib/auth/sealed-key';

const SECRET = 'a-secret-of-at-least-thirty-two-chars!';
const KEY = 'sk-proj-learner-0123456789abcdefghijklmnop';

describe('sealed keys', () => {
  it('seal and open again, and the token shows nothing of the key', () => {
    const { token, expiresAt } = sealKey(SECRET, KEY, { ttlSeconds: 60, now: 1_000 });
    expect(isSealedKey(token)).toBe(true);
    expect(token).not.toContain(KEY.slice(3, 12));
    expect(Buffer.from(token.slice(6), 'base64url').toString('latin1')).not.toContain('sk-proj');
    expect(expiresAt).toBe(new Date(1_060_000).toISOString());
    expect(openSealedKey(SECRET, token, 1_001)).toEqual({ ok: true, key: KEY });
  });

  it('refuse another server, a changed byte and an expired seal', () => {
    const { token } = sealKey(SECRET, KEY, { ttlSeconds: 60, now: 1_000 });
    expect(openSealedKey(`${SECRET}x`, token, 1_001)).toEqual({ ok: false, reason: 'malformed' });
    const bytes = Buffer.from(token.slice(6), 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    expect(openSealedKey(SECRET, `tw_sk_${bytes.toString('base64url')}`, 1_001)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(openSealedKey(SECRET, token, 1_060)).toEqual({ ok: false, reason: 'expired' });
    expect(openSealedKey(SECRET, 'tw_sk_', 1_001)).toEqual({ ok: false, reason: 'malformed' });
    expect(openSealedKey(SECRET, KEY, 1_001)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('seal the same key differently each time', () => {
    expect(sealKey(SECRET, KEY, { ttlSeconds: 60 }).token).not.toBe(
      sealKey(SECRET, KEY, { ttlSeconds: 60 }).token,
    );
  });
});
