import OpenAI from 'openai';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueRunnerToken } from '@/lib/auth/runner-token';
import { connect } from '@/lib/db/client';
import { postgresResponsesStore } from '@/lib/db/responses';
import { createProxy } from '@/lib/proxy/proxy';
import { assertMatches } from '../support/openapi';
import { testConfig } from '../support/proxy-config';
import { serveRoutes, type ServedApp } from '../support/serve-routes';
import { migrateDatabase, startTestDatabase, type TestDatabase } from './notes-database';

/**
 * Stored responses in real Postgres (the server in TEST_DATABASE_URL, else an embedded one): two app instances on
 * one database with one RUNNER_TOKEN_SECRET continue one conversation; a fresh instance (a restart) still finds
 * it; the sweep deletes what expired; a database that can't be reached is a 503 for storage only. Each instance
 * is the app's own route modules over HTTP with its own proxy, as `next start` would build it.
 */
const MODEL = 'gpt-4o-mini';
let database: TestDatabase;
const open: ServedApp[] = [];

beforeAll(async () => {
  database = await startTestDatabase();
  await migrateDatabase(database.url);
});
afterAll(async () => {
  await Promise.all(open.map((a) => a.close()));
  await connect(database.url).pool.end().catch(() => {});
  await database.stop();
});

async function instance(databaseUrl = database.url, retentionHours?: number) {
  const config = testConfig();
  const store = postgresResponsesStore(() => connect(databaseUrl).db);
  config.sandbox.responses = { store, ...(retentionHours ? { retentionHours } : {}) };
  const app = await serveRoutes(createProxy(config));
  open.push(app);
  return { app, store, secret: config.runnerTokens.secret };
}

const clientFor = (app: ServedApp, token: string) => new OpenAI({ apiKey: token, baseURL: app.baseURL, maxRetries: 0 });

describe('stored responses in Postgres', () => {
  it('a conversation started on one instance continues on another, and on a fresh one after a restart', async () => {
    const a = await instance();
    const b = await instance();
    const { token } = issueRunnerToken(a.secret, { ttlSeconds: 600, rpm: 1_000, tpm: 1_000_000 });
    const first = await clientFor(a.app, token).responses.create({ model: MODEL, input: 'My name is Ada.' });
    const second = await clientFor(b.app, token).responses.create({
      model: MODEL,
      input: 'What is my name?',
      previous_response_id: first.id,
    });
    assertMatches('Response', second);
    expect(second.previous_response_id).toBe(first.id);
    expect(second.usage!.input_tokens).toBeGreaterThan(first.usage!.input_tokens + first.usage!.output_tokens);

    await a.app.close();
    const restarted = await instance();
    const again = await clientFor(restarted.app, token).responses.retrieve(second.id);
    expect(again).toEqual(second);
    const third = await clientFor(restarted.app, token).responses.create({ model: MODEL, input: 'Thanks.', previous_response_id: second.id });
    expect(third.status).toBe('completed');

    const other = issueRunnerToken(a.secret, { ttlSeconds: 600, rpm: 1_000, tpm: 1_000_000 }).token;
    await expect(clientFor(b.app, other).responses.retrieve(second.id)).rejects.toMatchObject({ status: 404 });
  });

  it('an expired response is not found, and the sweep deletes it; DELETE removes one at once', async () => {
    const { app, store, secret } = await instance();
    const { token } = issueRunnerToken(secret, { ttlSeconds: 600, rpm: 1_000, tpm: 1_000_000 });
    const client = clientFor(app, token);
    const old = await client.responses.create({ model: MODEL, input: 'Soon gone.' });
    const kept = await client.responses.create({ model: MODEL, input: 'Still here.' });
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    try {
      await sql.query(`UPDATE stored_responses SET expires_at = now() - interval '1 minute' WHERE id = $1`, [old.id]);
      await expect(client.responses.retrieve(old.id)).rejects.toMatchObject({ status: 404 });
      expect(await store.sweep()).toBeGreaterThanOrEqual(1);
      const rows = await sql.query('SELECT id FROM stored_responses WHERE id = ANY($1)', [[old.id, kept.id]]);
      expect(rows.rows.map((r: { id: string }) => r.id)).toEqual([kept.id]);
      const expires = await sql.query('SELECT expires_at - created_at AS kept FROM stored_responses WHERE id = $1', [kept.id]);
      expect((expires.rows[0] as { kept: { hours?: number; days?: number } }).kept).toMatchObject({ days: 3 });

      await client.responses.delete(kept.id);
      expect((await sql.query('SELECT 1 FROM stored_responses WHERE id = $1', [kept.id])).rowCount).toBe(0);
    } finally {
      await sql.end();
    }
  });

  it('a database that cannot be reached: 503 to store, store:false still answers', async () => {
    const { app, secret } = await instance('postgres://nobody:nothing@127.0.0.1:9/none');
    const { token } = issueRunnerToken(secret, { ttlSeconds: 600, rpm: 1_000, tpm: 1_000_000 });
    const client = clientFor(app, token);
    const error = await client.responses.create({ model: MODEL, input: 'hi' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'store_unavailable' });
    expect((await client.responses.create({ model: MODEL, input: 'hi', store: false })).status).toBe('completed');
  });
});
