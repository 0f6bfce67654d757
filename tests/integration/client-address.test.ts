import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/db/embedded.mjs';
import { startApp } from '../../scripts/lib/server.mjs';

/**
 * Per-address limits count the caller the socket shows, not what a header claims. Two instances of the production
 * build, started as `npm start` starts it (scripts/server.mjs), each with its own in-memory limits (no Redis, so
 * these floods never touch the limits of the suite's own app): one with the default TRUSTED_PROXY_HOPS (0), one
 * with TRUSTED_PROXY_HOPS=1. POST /api/session is the probe: SESSION_RATE_LIMIT_RPM is left at its default, 30.
 */
const SUITE = process.env.TOKENWISE_URL;
if (!SUITE) console.warn('tests/integration/client-address.test.ts skipped: it needs the build npm test makes (set TOKENWISE_URL).');

type App = Awaited<ReturnType<typeof startApp>>;
let direct: App | undefined;
let behindProxy: App | undefined;

/** A documentation-range address (RFC 5737), different on every call. */
const forged = () => `203.0.113.${randomInt(1, 255)}, 198.51.100.${randomInt(1, 255)}`;
const clientAddressHeader = 'x-tokenwise-client-address';

async function sessionStatuses(app: App, count: number, headers: () => Record<string, string>): Promise<number[]> {
  const statuses: number[] = [];
  // One after another, so they share one keep-alive connection: one socket, one client.
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${app.url}/api/session`, { method: 'POST', headers: headers() });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

async function start(env: Record<string, string>): Promise<App> {
  return startApp({
    port: await freePort(),
    quiet: true,
    // Empty means unset: in-memory limits of its own; the suite's database when there is one.
    env: { REDIS_URL: '', SESSION_RATE_LIMIT_RPM: '', DATABASE_URL: process.env.TEST_DATABASE_URL ?? '', ...env },
  });
}

beforeAll(async () => {
  if (!SUITE) return;
  [direct, behindProxy] = await Promise.all([start({ TRUSTED_PROXY_HOPS: '' }), start({ TRUSTED_PROXY_HOPS: '1' })]);
}, 120_000);

afterAll(async () => {
  await Promise.all([direct?.stop(), behindProxy?.stop()]);
});

describe.skipIf(!SUITE)('the client address', () => {
  it('by default comes from the socket: 40 forged X-Forwarded-For values are one client, and the 31st call gets 429', async () => {
    const statuses = await sessionStatuses(direct!, 40, () => ({
      'x-forwarded-for': forged(),
      // A client's copy of the server's own header is dropped, never believed.
      [clientAddressHeader]: `192.0.2.${randomInt(1, 255)}`,
    }));
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(200));
    expect(statuses.slice(30)).toEqual(Array(10).fill(429));
  });

  it('with TRUSTED_PROXY_HOPS=1 is the last X-Forwarded-For entry: each forwarded client is counted on its own', async () => {
    const spread = await sessionStatuses(behindProxy!, 40, () => ({ 'x-forwarded-for': forged() }));
    expect(spread.filter((status) => status !== 200)).toEqual([]);

    // The same forwarded client 31 times: limited as one, whatever address header it adds of its own.
    const one = `2001:db8::${randomInt(1, 0xffff).toString(16)}`;
    const same = await sessionStatuses(behindProxy!, 31, () => ({
      'x-forwarded-for': `10.0.0.${randomInt(1, 255)}, ${one}`,
      [clientAddressHeader]: `192.0.2.${randomInt(1, 255)}`,
    }));
    expect(same.slice(0, 30)).toEqual(Array(30).fill(200));
    expect(same[30]).toBe(429);
  });
});
