import { apiErrors, maskKey } from '@/lib/errors';
import {
  isRunnerToken,
  verifyRunnerToken,
  type RunnerClaims,
  type RunnerScope,
} from '@/lib/auth/runner-token';

/**
 * Who is calling, from `Authorization: Bearer <token>`: a runner token this app issued, or a learner's own key,
 * which is only ever passed upstream (never stored, logged or echoed unmasked).
 */
export type Caller = { kind: 'runner'; claims: RunnerClaims } | { kind: 'own-key'; key: string };

export function authenticate(header: string | null, secret: string, scope: RunnerScope): Caller {
  const match = header ? /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i.exec(header) : null;
  if (!match) throw apiErrors.missingKey();
  const token = match[1]!;
  if (!isRunnerToken(token)) return { kind: 'own-key', key: token };
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
