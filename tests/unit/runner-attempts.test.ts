import { describe, expect, it } from 'vitest';
import { groupAttempts, retriedCalls } from '@/lib/runner/attempts';
import type { Exchange } from '@/lib/runner/protocol';

const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };
let n = 0;
const exchange = (extra: Partial<Exchange>): Exchange => ({
  id: `x${++n}`,
  method: 'POST',
  path: '/api/v1/chat/completions',
  startedAt: 0,
  durationMs: 10,
  request: body,
  status: 200,
  headers: {},
  ...extra,
});

describe('groupAttempts', () => {
  it('follows the SDK retry count and measures each wait and what the server asked for', () => {
    const wait = { 'retry-after': '1', 'retry-after-ms': '200' };
    const calls = groupAttempts([
      exchange({
        startedAt: 1000,
        status: 429,
        headers: wait,
        requestHeaders: { 'x-stainless-retry-count': '0' },
      }),
      exchange({
        startedAt: 1215,
        status: 429,
        headers: wait,
        requestHeaders: { 'x-stainless-retry-count': '1' },
      }),
      exchange({
        startedAt: 1430,
        durationMs: 20,
        status: 200,
        requestHeaders: { 'x-stainless-retry-count': '2' },
      }),
    ]);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.finalStatus).toBe(200);
    expect(call!.totalMs).toBe(450);
    expect(
      call!.attempts.map((a) => [a.number, a.retryCount, a.status, a.startMs, a.waitedMs, a.askedMs]),
    ).toEqual([
      [1, 0, 429, 0, 0, null],
      [2, 1, 429, 215, 205, 200],
      [3, 2, 200, 430, 205, 200],
    ]);
  });

  it('starts a new call at retry count 0, even for the same body', () => {
    const calls = groupAttempts([
      exchange({ startedAt: 0, status: 500, requestHeaders: { 'x-stainless-retry-count': '0' } }),
      exchange({ startedAt: 600, status: 500, requestHeaders: { 'x-stainless-retry-count': '0' } }),
    ]);
    expect(calls.map((c) => c.attempts.length)).toEqual([1, 1]);
    expect(retriedCalls([])).toEqual([]);
  });

  it('without the header, a repeat after a retryable failure is a retry; after a success it is a new call', () => {
    const calls = groupAttempts([
      exchange({ startedAt: 0, status: null, error: 'TypeError: Failed to fetch' }),
      exchange({ startedAt: 500, status: 200 }),
      exchange({ startedAt: 600, status: 200 }),
      exchange({ startedAt: 700, status: 400 }),
      exchange({ startedAt: 800, status: 400 }),
      exchange({ startedAt: 900, status: 200, request: { ...body, n: 2 } }),
    ]);
    expect(calls.map((c) => c.attempts.length)).toEqual([2, 1, 1, 1, 1]);
    expect(calls[0]!.attempts[0]!.error).toBe('TypeError: Failed to fetch');
    expect(calls[0]!.attempts[1]!.waitedMs).toBe(490);
  });

  it("measures the wait from when the failed response's headers arrived, as the SDK waits from then", () => {
    const [call] = groupAttempts([
      exchange({
        startedAt: 0,
        durationMs: 30,
        headersAtMs: 20,
        status: 429,
        headers: { 'retry-after-ms': '200' },
      }),
      exchange({ startedAt: 222, status: 200 }),
    ]);
    expect(call!.attempts[1]!.waitedMs).toBe(202);
    expect(call!.attempts[1]!.askedMs).toBe(200);
  });
});
