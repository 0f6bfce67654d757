import 'server-only';
import { and, eq, gt, lte } from 'drizzle-orm';
import {
  StoreUnavailableError,
  type ResponsesStore,
  type StoredResponse,
} from '@/lib/backends/sandbox/responses/store';
import type { StoredItem } from '@/lib/backends/sandbox/responses/translate';
import { getDb, type Database } from './client';
import { storedResponses } from './schema';

/**
 * The sandbox's stored responses in Postgres (the notes database): shared by every instance on that database and
 * kept across restarts. Any database failure (down, unreachable, no DATABASE_URL) is a `StoreUnavailableError`,
 * which the sandbox answers with a 503 only where storage is needed; `store: false` requests never touch it.
 */
export function postgresResponsesStore(database: () => Database = getDb): ResponsesStore {
  async function withDb<T>(work: (db: Database) => Promise<T>): Promise<T> {
    try {
      return await work(database());
    } catch (error) {
      console.error('responses store', error instanceof Error ? error.message : error);
      throw new StoreUnavailableError(error);
    }
  }
  const mine = (owner: string, id: string) =>
    and(eq(storedResponses.id, id), eq(storedResponses.owner, owner), gt(storedResponses.expiresAt, new Date()));

  return {
    save: (record) =>
      withDb(async (db) => {
        await db.insert(storedResponses).values({
          id: record.id,
          owner: record.owner,
          response: record.response,
          items: record.items,
          inputCount: record.inputCount,
          createdAt: record.createdAt,
          expiresAt: record.expiresAt,
        });
      }),

    get: (owner, id) =>
      withDb(async (db): Promise<StoredResponse | null> => {
        const [row] = await db.select().from(storedResponses).where(mine(owner, id)).limit(1);
        if (!row) return null;
        return {
          id: row.id,
          owner: row.owner,
          response: row.response as Record<string, unknown>,
          items: row.items as StoredItem[],
          inputCount: row.inputCount,
          createdAt: row.createdAt,
          expiresAt: row.expiresAt,
        };
      }),

    delete: (owner, id) =>
      withDb(async (db) => {
        const deleted = await db.delete(storedResponses).where(mine(owner, id)).returning({ id: storedResponses.id });
        return deleted.length > 0;
      }),

    sweep: (now = new Date()) =>
      withDb(async (db) => {
        const deleted = await db
          .delete(storedResponses)
          .where(lte(storedResponses.expiresAt, now))
          .returning({ id: storedResponses.id });
        return deleted.length;
      }),
  };
}
