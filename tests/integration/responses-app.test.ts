// The Responses API on the production build: the app under test (TOKENWISE_URL) driven by the real SDK, and two
// more instances of the build on one Postgres with one RUNNER_TOKEN_SECRET, as behind a load balancer: a
// conversation started on one continues on the other, and survives both being stopped and a third started.
import { existsSync } from 'node:fs';
import path from 'node:path';
import OpenAI from 'openai';
import { afterAll, describe, expect, test } from 'vitest';
import { issueRunnerToken } from '@/lib/auth/runner-token';
import { freePort } from '../../scripts/db/embedded.mjs';
import { startApp } from '../../scripts/lib/server.mjs';
import { assertMatches } from '../support/openapi';
import { migrateDatabase, startTestDatabase, type TestDatabase } from './notes-database';

const BASE = process.env.TOKENWISE_URL;
const built = existsSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'));
const MODEL = 'gpt-4o-mini';
const SECRET = 'responses-test-secret-responses-test-secret';

async function runnerClient(base: string): Promise<OpenAI> {
  const session = await fetch(`${base}/api/session`, { method: 'POST', headers: { origin: base } });
  expect(session.status).toBe(200);
  const { token } = (await session.json()) as { token: string };
  return new OpenAI({ apiKey: token, baseURL: `${base}/api/v1`, maxRetries: 0 });
}

describe.skipIf(!BASE)('Responses on the running app (TOKENWISE_URL)', () => {
  test('create, chain, stream, list input items and delete with a runner token; another runner gets 404', async () => {
    const client = await runnerClient(BASE!);
    const first = await client.responses.create({ model: MODEL, input: 'My name is Ada.' });
    assertMatches('Response', first);
    const second = await client.responses.create({ model: MODEL, input: 'Who am I?', previous_response_id: first.id });
    expect(second.usage!.input_tokens).toBeGreaterThan(first.usage!.input_tokens);
    const final = await client.responses.stream({ model: MODEL, input: 'And now?', previous_response_id: second.id }).finalResponse();
    assertMatches('Response', final);
    const items = await client.responses.inputItems.list(final.id);
    expect(items.data.map((i) => i.type)).toEqual(['message']);
    const other = await runnerClient(BASE!);
    await expect(other.responses.retrieve(final.id)).rejects.toMatchObject({ status: 404 });
    // Not served (background responses only): the catch-all's 404 in the envelope, which names what is served.
    await expect(client.responses.cancel(final.id)).rejects.toMatchObject({ status: 404, code: 'unknown_url' });
    await client.responses.delete(final.id);
    await expect(client.responses.retrieve(final.id)).rejects.toMatchObject({ status: 404 });
  });
});

const stops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop().catch(() => {});
});

describe.skipIf(!BASE || !built)('two instances of the build on one Postgres', () => {
  test('a conversation started on one continues on the other, and after both restart', async () => {
    const database: TestDatabase = await startTestDatabase();
    stops.push(database.stop);
    await migrateDatabase(database.url);
    const start = async () => {
      const app = await startApp({
        port: await freePort(),
        quiet: true,
        env: { DATABASE_URL: database.url, RUNNER_TOKEN_SECRET: SECRET, TOKENWISE_TEST: '1' },
      });
      stops.push(app.stop);
      return app;
    };
    const [a, b] = await Promise.all([start(), start()]);
    const { token } = issueRunnerToken(SECRET, { ttlSeconds: 600, rpm: 100, tpm: 1_000_000 });
    const on = (url: string) => new OpenAI({ apiKey: token, baseURL: `${url}/api/v1`, maxRetries: 0 });
    const first = await on(a.url).responses.create({ model: MODEL, input: 'My name is Ada.' });
    const second = await on(b.url).responses.create({ model: MODEL, input: 'Who am I?', previous_response_id: first.id });
    expect(second.previous_response_id).toBe(first.id);
    await Promise.all([a.stop(), b.stop()]);
    const c = await start();
    const again = await on(c.url).responses.retrieve(second.id);
    expect(again.id).toBe(second.id);
    const third = await on(c.url).responses.create({ model: MODEL, input: 'Thanks.', previous_response_id: second.id });
    expect(third.usage!.input_tokens).toBeGreaterThan(second.usage!.input_tokens + second.usage!.output_tokens);
  });
});
