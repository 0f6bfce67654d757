import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import OpenAI, { RateLimitError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLimits } from '@/lib/limits';
import { createProxy } from '@/lib/proxy/proxy';
import { testConfig } from '../../support/proxy-config';
import { serveRoutes, type ServedApp } from '../../support/serve-routes';

/**
 * Limits shared through a real redis-server (`REDIS_URL`), as several app instances behind a load balancer
 * share them: two instances here, one Redis.
 */
const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL)
  console.warn(
    'tests/integration/proxy/redis-limits.test.ts skipped: set REDIS_URL to a running redis-server (.ci/run does).',
  );

describe.skipIf(!REDIS_URL)('limits in Redis', () => {
  const clients: Redis[] = [];
  const apps: ServedApp[] = [];
  // A fresh prefix per run, so runs never see each other's counters.
  const prefix = `tw-test-${randomBytes(6).toString('hex')}`;
  const redis = () => {
    const client = new Redis(REDIS_URL!, { maxRetriesPerRequest: 1 });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    expect(await redis().ping()).toBe('PONG');
  });

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    const cleaner = clients[0]!;
    const keys = await cleaner.keys(`${prefix}*`);
    if (keys.length) await cleaner.del(...keys);
    await Promise.all(clients.map((c) => c.quit()));
  });

  const config = (store: { redis: Redis; prefix: string }) => ({
    ipRpm: 5,
    ipTpm: 1_000_000,
    sessionRpm: 100,
    dailyTokenBudget: 1_000,
    store,
  });

  it('count requests from one IP across two instances', async () => {
    const a = createLimits(config({ redis: redis(), prefix }));
    const b = createLimits(config({ redis: redis(), prefix }));
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).admitRequest({ ip: '192.0.2.1' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const keys = await clients[0]!.keys(`${prefix}:ip-rpm*`);
    expect(keys.length).toBeGreaterThan(0);
  });

  it('never let concurrent reservations on two instances overshoot the daily budget', async () => {
    const a = createLimits(config({ redis: redis(), prefix: `${prefix}-budget` }));
    const b = createLimits(config({ redis: redis(), prefix: `${prefix}-budget` }));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).reserveTokens({ ip: `198.51.100.${i}` }, 400, { serverKey: true }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    // Settling gives back what was not used, on either instance.
    const [first] = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<
      Awaited<ReturnType<typeof a.reserveTokens>>
    >[];
    await first!.value.settle(0);
    await expect(b.reserveTokens({ ip: '198.51.100.99' }, 400, { serverKey: true })).resolves.toBeTruthy();
  });

  it('hold a runner token to its requests per minute on every instance it reaches', async () => {
    const shared = testConfig({ runnerTokens: { rpm: 3 }, redisPrefix: `${prefix}-app` });
    for (let i = 0; i < 2; i++) apps.push(await serveRoutes(createProxy({ ...shared, redis: redis() })));
    const session = (await (await fetch(`${apps[0]!.origin}/api/session`, { method: 'POST' })).json()) as {
      token: string;
    };
    const [one, two] = apps.map(
      (app) => new OpenAI({ apiKey: session.token, baseURL: app.baseURL, maxRetries: 0 }),
    );
    const ask = (client: OpenAI) =>
      client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
    await ask(one!);
    await ask(two!);
    await ask(one!);
    const error = await ask(two!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'rate_limit_exceeded' });
  });
});
