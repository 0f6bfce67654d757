import { apiErrors, maskKey } from '@/lib/errors';
import { isSealedKey, openSealedKey } from '@/lib/auth/sealed-key';
import {
  isRunnerToken,
  verifyRunnerToken,
  type RunnerClaims,
  type RunnerScope,
} from '@/lib/auth/runner-token';

/**
 * Who is calling, from `Authorization: Bearer <token>`: a runner token this app issued, or a learner's own key,
 * which is only ever passed upstream (never stored, logged or echoed unmasked). The runner sends a key sealed by
 * this server (`tw_sk_`, see `lib/auth/sealed-key.ts`), so the learner's code never holds the key itself.
 */
export type Caller =
  { kind: 'runner'; claims: RunnerClaims } | { kind: 'own-key'; key: string; sealed: boolean };

export function authenticate(header: string | null, secret: string, scope: RunnerScope): Caller {
  const match = header ? /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i.exec(header) : null;
  if (!match) throw apiErrors.missingKey();
  const token = match[1]!;
  if (isSealedKey(token)) {
    const opened = openSealedKey(secret, token);
    if (opened.ok) return { kind: 'own-key', key: opened.key, sealed: true };
    if (opened.reason === 'expired') throw apiErrors.expiredKey(maskKey(token));
    throw apiErrors.invalidKey(
      maskKey(token),
      'This sealed key was not made by this server; set your key again in Settings.',
    );
  }
  if (!isRunnerToken(token)) return { kind: 'own-key', key: token, sealed: false };
  const result = verifyRunnerToken(secret, token);
  if (!result.ok) {
    if (result.reason === 'expired') throw apiErrors.expiredKey(maskKey(token));
    throw apiErrors.invalidKey(
      maskKey(token),
      'This runner token was not issued by this server; reload the page to get a new one.',
    );
  }
  if (!result.claims.scope.includes(scope)) throw apiErrors.insufficientScope(scope);
  return { kind: 'runner', claims: result.claims };
}
