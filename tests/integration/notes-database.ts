// Real Postgres for the notes tests, both ways the app runs: the server in TEST_DATABASE_URL or DATABASE_URL when
// set (a throwaway database is created on it and dropped after), else an embedded server in a temporary folder.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../scripts/db/embedded.mjs';
import { migrate } from '../../scripts/db/migrate.mjs';

export interface TestDatabase {
  url: string;
  /** Which server the tests ran against, for the test names. */
  kind: 'embedded' | 'external';
  stop: () => Promise<void>;
}

export const migrateDatabase = migrate;
export const startEmbedded = startEmbeddedPostgres;

export function externalDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** An empty database, not yet migrated. */
export async function startTestDatabase(): Promise<TestDatabase> {
  const external = externalDatabaseUrl();
  if (external) {
    const name = `tokenwise_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      kind: 'external',
      stop: async () => {
        const client = new pg.Client({ connectionString: external });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tokenwise-notes-test-'));
  const server = await startEmbedded({ dataDir });
  return {
    url: server.url,
    kind: 'embedded',
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
