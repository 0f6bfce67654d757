import { describe, expect, it } from 'vitest';
import type { Exchange } from '@/lib/runner/protocol';
import {
  formatWait,
  lastRateLimit,
  parseResetDuration,
  rateLimitOf,
  remainingShare,
  retryAfterMs,
} from '@/lib/runner/rate-limit-headers';

const exchange = (id: string, headers: Record<string, string>, extra: Partial<Exchange> = {}): Exchange => ({
  id,
  method: 'POST',
  path: '/api/v1/chat/completions',
  startedAt: 1_000,
  durationMs: 50,
  request: {},
  status: 200,
  headers,
  ...extra,
});

describe('parseResetDuration', () => {
  it('reads the durations OpenAI sends', () => {
    expect(parseResetDuration('200ms')).toBe(200);
    expect(parseResetDuration('1s')).toBe(1000);
    expect(parseResetDuration('1.5s')).toBe(1500);
    expect(parseResetDuration('6m0s')).toBe(360_000);
    expect(parseResetDuration('1h2m3s')).toBe(3_723_000);
    expect(parseResetDuration('2m')).toBe(120_000);
    expect(parseResetDuration('0s')).toBe(0);
    expect(parseResetDuration('3')).toBe(3000);
  });
  it('refuses what is not a duration, and absurd ones', () => {
    for (const bad of ['', 'soon', '1x', 'ms', '-1s', '1s2h', '9999999h', 'x'.repeat(100)])
      expect(parseResetDuration(bad), bad).toBeNull();
  });
});

describe('rateLimitOf', () => {
  it('reads both buckets of a response', () => {
    const reading = rateLimitOf(
      exchange(
        'x1',
        {
          'x-ratelimit-limit-requests': '60',
          'x-ratelimit-remaining-requests': '59',
          'x-ratelimit-reset-requests': '1s',
          'x-ratelimit-limit-tokens': '30000',
          'x-ratelimit-remaining-tokens': '29000',
          'x-ratelimit-reset-tokens': '6m0s',
        },
        { headersAtMs: 20 },
      ),
    );
    expect(reading).toEqual({
      exchangeId: 'x1',
      receivedAt: 1_020,
      requests: { limit: 60, remaining: 59, reset: '1s', resetMs: 1000 },
      tokens: { limit: 30000, remaining: 29000, reset: '6m0s', resetMs: 360_000 },
    });
    expect(remainingShare(reading!.requests)).toBeCloseTo(59 / 60);
  });
  it('keeps what is there and marks malformed numbers as unknown', () => {
    const reading = rateLimitOf(exchange('x1', { 'x-ratelimit-remaining-tokens': 'lots' }));
    expect(reading?.requests).toBeNull();
    expect(reading?.tokens).toEqual({ limit: null, remaining: null, reset: null, resetMs: null });
    expect(remainingShare(reading!.tokens)).toBeNull();
    expect(rateLimitOf(exchange('x2', { 'content-type': 'application/json' }))).toBeNull();
  });
  it('takes the last response that carried the headers', () => {
    const runs = [
      exchange('x1', { 'x-ratelimit-remaining-requests': '5' }),
      exchange('x2', { 'x-ratelimit-remaining-requests': '4' }),
      exchange('x3', {}, { status: null }),
    ];
    expect(lastRateLimit(runs)?.exchangeId).toBe('x2');
    expect(lastRateLimit([])).toBeNull();
  });
});

describe('retryAfterMs', () => {
  it('prefers retry-after-ms, then retry-after in seconds or as a date, as the SDK does', () => {
    expect(retryAfterMs({ 'retry-after-ms': '200', 'retry-after': '1' }, 0)).toBe(200);
    expect(retryAfterMs({ 'retry-after': '2' }, 0)).toBe(2000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, now)).toBe(3000);
    expect(retryAfterMs({ 'retry-after': 'later' }, now)).toBeNull();
    expect(retryAfterMs({}, now)).toBeNull();
  });
});

describe('formatWait', () => {
  it('writes waits for people', () => {
    expect(formatWait(200)).toBe('200 ms');
    expect(formatWait(1500)).toBe('1.5 s');
    expect(formatWait(360_000)).toBe('6 min 0 s');
    expect(formatWait(3_723_000)).toBe('1 h 2 min');
  });
});
