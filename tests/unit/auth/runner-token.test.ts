import { describe, expect, it } from 'vitest';
import { isRunnerToken, issueRunnerToken, verifyRunnerToken } from '@/lib/auth/runner-token';

const SECRET = 'a-secret-of-at-least-thirty-two-chars';
const now = 1_800_000_000;

describe('runner tokens', () => {
  const { token, claims } = issueRunnerToken(SECRET, { ttlSeconds: 600, rpm: 30, tpm: 5000, now });

  it('are recognisable, and a learner key is not one', () => {
    expect(isRunnerToken(token)).toBe(true);
    expect(isRunnerToken('sk-proj-abc')).toBe(false);
  });

  it('verify with their claims until they expire', () => {
    expect(verifyRunnerToken(SECRET, token, now + 10)).toEqual({ ok: true, claims });
    expect(claims).toMatchObject({
      exp: now + 600,
      rpm: 30,
      tpm: 5000,
      scope: ['chat.completions', 'responses', 'models'],
    });
    expect(verifyRunnerToken(SECRET, token, now + 600)).toEqual({ ok: false, reason: 'expired' });
  });

  it('fail with another secret or any change to payload or signature', () => {
    expect(verifyRunnerToken('another-secret-of-thirty-two-chars!!', token, now)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const [payload, signature] = token.slice('tw_rt_'.length).split('.');
    const raised = Buffer.from(JSON.stringify({ ...claims, rpm: 1_000_000 })).toString('base64url');
    expect(verifyRunnerToken(SECRET, `tw_rt_${raised}.${signature}`, now).ok).toBe(false);
    expect(verifyRunnerToken(SECRET, `tw_rt_${payload}.${signature!.slice(1)}x`, now).ok).toBe(false);
    expect(verifyRunnerToken(SECRET, 'tw_rt_nonsense', now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('carry a narrower scope when issued with one', () => {
    const narrow = issueRunnerToken(SECRET, { ttlSeconds: 60, rpm: 1, tpm: 1, scope: ['models'], now });
    const result = verifyRunnerToken(SECRET, narrow.token, now);
    expect(result.ok && result.claims.scope).toEqual(['models']);
  });
});
