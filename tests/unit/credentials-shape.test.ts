import { describe, expect, it } from 'vitest';
import { readSealed, readSession } from '@/components/runner/credentials';

/** The browser's checks of `POST /api/session` and `POST /api/session/key` answers (lib/proxy/proxy.ts). */
const session = {
  token: 'rt_abc',
  expiresAt: '2026-12-01T03:00:00.000Z',
  backend: 'sandbox',
  limits: {
    requestsPerMinute: 20,
    tokensPerMinute: 40_000,
    maxOutputTokens: 1024,
    maxMessages: 64,
    maxN: 4,
    models: ['gpt-4o-mini'],
  },
};

describe('readSession', () => {
  it('reads the server’s answer, dropping fields it does not know', () => {
    expect(readSession({ ...session, extra: 'x' })).toEqual(session);
  });

  it.each([
    ['null', null],
    ['an empty token', { ...session, token: '' }],
    ['no expiry', { ...session, expiresAt: undefined }],
    ['an unknown backend', { ...session, backend: 'gpt' }],
    ['no limits', { ...session, limits: undefined }],
    ['a limit that is not a number', { ...session, limits: { ...session.limits, maxN: '4' } }],
    ['an infinite limit', { ...session, limits: { ...session.limits, maxN: Infinity } }],
    ['models not a list', { ...session, limits: { ...session.limits, models: 'gpt-4o-mini' } }],
    ['a model that is not text', { ...session, limits: { ...session.limits, models: [1] } }],
  ])('refuses %s', (_label, value) => {
    expect(() => readSession(value)).toThrow();
  });
});

describe('readSealed', () => {
  const sealed = { token: 'tw_sk_abc', expiresAt: '2026-12-01T03:00:00.000Z', for: 'f00d' };

  it('reads a sealed key and nothing else of the object', () => {
    expect(readSealed({ ...sealed, key: 'sk-should-not-be-kept' })).toEqual(sealed);
  });

  it.each([
    ['null', null],
    ['an empty token', { ...sealed, token: '' }],
    ['no fingerprint', { ...sealed, for: undefined }],
    ['an array', [sealed]],
  ])('refuses %s', (_label, value) => {
    expect(() => readSealed(value)).toThrow();
  });
});
