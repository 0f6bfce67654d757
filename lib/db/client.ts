import 'server-only';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { env } from '@/lib/env';
import * as schema from './schema';

export type Database = NodePgDatabase<typeof schema>;

/** Thrown when the app runs without a database; callers show "notes are unavailable". */
export class DatabaseUnavailableError extends Error {
  constructor(message = 'No database is configured (DATABASE_URL is unset).') {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

interface Connection {
  pool: pg.Pool;
  db: Database;
}

// One pool per process, kept on globalThis so dev-mode module reloads don't open a new pool each time.
const globalForDb = globalThis as typeof globalThis & { __tokenwiseDb?: Map<string, Connection> };

/** A drizzle client over a pool for `url`, created once per URL. */
export function connect(url: string): Connection {
  globalForDb.__tokenwiseDb ??= new Map();
  let connection = globalForDb.__tokenwiseDb.get(url);
  if (!connection) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      // A page waits at most this long for a database that is down before it says notes are unavailable.
      connectionTimeoutMillis: 3_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 5_000,
    });
    // An idle client that loses its server (restart, network) must not crash the process.
    pool.on('error', () => {});
    connection = { pool, db: drizzle({ client: pool, schema }) };
    globalForDb.__tokenwiseDb.set(url, connection);
  }
  return connection;
}

/** The app's database, from DATABASE_URL (set by `npm start`, which starts the embedded server when it is unset). */
export function getDb(): Database {
  const url = env().DATABASE_URL;
  if (!url) throw new DatabaseUnavailableError();
  return connect(url).db;
}

/** Closes every pool this process opened (tests, shutdown). */
export async function closeAllPools(): Promise<void> {
  const connections = [...(globalForDb.__tokenwiseDb?.values() ?? [])];
  globalForDb.__tokenwiseDb?.clear();
  await Promise.all(connections.map(({ pool }) => pool.end()));
}
