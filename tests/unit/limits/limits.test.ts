import { describe, expect, it, vi } from 'vitest';
import { createLimits, formatReset } from '@/lib/limits';
import { Window } from '@/lib/limits/window';
import { ApiError } from '@/lib/errors';

const config = { ipRpm: 3, ipTpm: 1_000, sessionRpm: 2, dailyTokenBudget: 500, store: {} };

describe('request limits', () => {
  it('count per IP and per runner token, refusing with a 429 that says when to retry', async () => {
    const limits = createLimits(config);
    const runner = { id: 'tok1', rpm: 2, tpm: 1_000 };
    await limits.admitRequest({ ip: 'a', runner });
    const second = await limits.admitRequest({ ip: 'a', runner });
    expect(second).toMatchObject({ limit: 2, remaining: 0 });
    const refused = await limits.admitRequest({ ip: 'a', runner }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 429, type: 'requests', code: 'rate_limit_exceeded' });
    expect(Number((refused as ApiError).headers['retry-after'])).toBeGreaterThan(0);
    expect((refused as ApiError).message).toMatch(/on this runner token: Limit 2, Used 2/);
    // The IP's own window (3 a minute) was used up by those three.
    await expect(limits.admitRequest({ ip: 'a' })).rejects.toMatchObject({ status: 429 });
    await expect(limits.admitRequest({ ip: 'b' })).resolves.toMatchObject({ limit: 3 });
  });
});

describe('token reservations', () => {
  it('are all or nothing, and a refused one leaves nothing taken', async () => {
    const limits = createLimits(config);
    const runner = { id: 'tok', rpm: 10, tpm: 300 };
    const first = await limits.reserveTokens({ ip: 'x', runner }, 200, { serverKey: false });
    expect(first.state).toMatchObject({ limit: 300, remaining: 100 });
    const refused = await limits
      .reserveTokens({ ip: 'x', runner }, 200, { serverKey: false })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 429, type: 'tokens' });
    // The IP window (1,000) must not keep the refused 200: 800 are still free there.
    await expect(limits.reserveTokens({ ip: 'x' }, 800, { serverKey: false })).resolves.toBeTruthy();
  });

  it('settle to the real usage, giving back the difference once', async () => {
    const limits = createLimits(config);
    const runner = { id: 'tok', rpm: 10, tpm: 300 };
    const r = await limits.reserveTokens({ ip: 'y', runner }, 300, { serverKey: false });
    await r.settle(50);
    await r.settle(50);
    const next = await limits.reserveTokens({ ip: 'y', runner }, 250, { serverKey: false });
    expect(next.state).toMatchObject({ remaining: 0 });
  });

  it('never let concurrent calls overshoot the daily budget of the server key', async () => {
    const limits = createLimits(config);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => limits.reserveTokens({ ip: `ip${i}` }, 200, { serverKey: true })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!
      .reason as ApiError;
    expect(refused).toMatchObject({ status: 429, code: 'daily_budget_exceeded' });
    expect(refused.headers['x-should-retry']).toBe('false');
  });

  it('refuses a request larger than the whole window without inviting a retry', async () => {
    const limits = createLimits(config);
    const refused = (await limits
      .reserveTokens({ ip: 'z' }, 5_000, { serverKey: false })
      .catch((e: unknown) => e)) as ApiError;
    expect(refused.message).toMatch(/Request too large/);
    expect(refused.headers['x-should-retry']).toBe('false');
  });
});

describe('formatReset', () => {
  it('writes waits the way OpenAI does', () => {
    expect(formatReset(200)).toBe('200ms');
    expect(formatReset(1_500)).toBe('1.5s');
    expect(formatReset(360_000)).toBe('6m0s');
  });
});

describe('refunds (issue 10, finding 8)', () => {
  it('go only to the window that was charged: take 100 of 100, roll over, refund 90, and 180 still does not fit', async () => {
    const window = new Window('refund-test', 100, 1, {});
    const charged = await window.take('k', 100);
    expect(charged).toMatchObject({ ok: true, remaining: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await window.give('k', 90, charged);
    expect(await window.take('k', 180)).toMatchObject({ ok: false });
    expect(await window.take('k', 100)).toMatchObject({ ok: true, remaining: 0 });
  });

  it('still come back within the window that was charged, never beyond what it consumed', async () => {
    const window = new Window('refund-same', 100, 60, {});
    const charged = await window.take('k', 100);
    await window.give('k', 90, charged);
    expect(await window.peek('k')).toMatchObject({ remaining: 90 });
    await window.give('k', 500, charged);
    expect(await window.take('k', 101)).toMatchObject({ ok: false });
  });

  it('a reservation settled after its minute rolled over leaves the new minute alone', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const limits = createLimits({ ...config, ipTpm: 100 });
      const reservation = await limits.reserveTokens({ ip: 'roll' }, 100, { serverKey: false });
      vi.setSystemTime(Date.now() + 61_000);
      await reservation.settle(10);
      await expect(limits.reserveTokens({ ip: 'roll' }, 180, { serverKey: false })).rejects.toMatchObject({
        status: 429,
      });
    } finally {
      vi.useRealTimers();
    }
  });
});
