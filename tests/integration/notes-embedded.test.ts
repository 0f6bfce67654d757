import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { migrateDatabase, startEmbedded } from './notes-database';

// The embedded server is what `npm start` runs on a laptop, so it is tested whatever DATABASE_URL says.
const dataDir = mkdtempSync(path.join(tmpdir(), 'tokenwise-embedded-test-'));
const stops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const stop of stops) await stop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

async function one<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows[0];
  } finally {
    await client.end();
  }
}

const postgresRunning = (folder: string) => {
  try {
    return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .some((line) => line.includes(folder));
  } catch {
    return false;
  }
};

describe('the embedded PostgreSQL', () => {
  test('keeps notes across a stop and a start on the same data folder', async () => {
    const first = await startEmbedded({ dataDir });
    stops.push(first.stop);
    expect(first.url).toMatch(/^postgres:\/\/postgres:[0-9a-f]+@127\.0\.0\.1:\d+\/tokenwise$/);
    await migrateDatabase(first.url);
    await one(
      first.url,
      `insert into notes (lesson_slug, body, body_hash, display_name, sdk_version, author_hash)
       values ('chat-completions', 'survives restarts', 'h1', 'Ada', '7.57.0', 'a')`,
    );
    await first.stop();
    expect(postgresRunning(dataDir)).toBe(false);

    const second = await startEmbedded({ dataDir });
    stops.push(second.stop);
    await migrateDatabase(second.url);
    expect(await one(second.url, 'select body from notes')).toEqual({ body: 'survives restarts' });
    await second.stop();
  });

  test('a second server on a data folder in use is refused with a clear error, and the first keeps working', async () => {
    const first = await startEmbedded({ dataDir });
    stops.push(first.stop);
    const second = startEmbedded({ dataDir });
    await expect(second).rejects.toThrow(
      /Another PostgreSQL server \(PID \d+\) is already using the data folder/,
    );
    await expect(second).rejects.toThrow(dataDir);
    expect(await one(first.url, 'select count(*)::int as n from notes')).toEqual({ n: 1 });
    await first.stop();
  });

  test('refuses to initialise a cluster in a folder that holds something else', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'tokenwise-not-pg-'));
    try {
      execFileSync('touch', [path.join(other, 'notes.txt')]);
      await expect(startEmbedded({ dataDir: other })).rejects.toThrow(
        /not empty and is not a PostgreSQL data folder/,
      );
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
