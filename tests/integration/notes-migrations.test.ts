import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrateDatabase, startTestDatabase, type TestDatabase } from './notes-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.stop();
});

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const schemaShape = () =>
  query<{ table_name: string; column_name: string; data_type: string }>(
    `select table_name, column_name, data_type from information_schema.columns
     where table_schema in ('public', 'drizzle') order by table_name, column_name`,
  );

describe('migrations', () => {
  test('create the notes tables, and applying them again changes nothing', async () => {
    await migrateDatabase(database.url);
    const first = await schemaShape();
    expect(first.map((c) => `${c.table_name}.${c.column_name}`)).toEqual(
      expect.arrayContaining([
        'notes.body',
        'notes.lesson_slug',
        'notes.sdk_version',
        'note_reports.reporter_hash',
      ]),
    );
    await query(`insert into notes (lesson_slug, body, body_hash, display_name, sdk_version, author_hash)
                 values ('x', 'kept', 'h', 'Ada', '7.57.0', 'a')`);
    const applied = await query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');

    await migrateDatabase(database.url);
    expect(await schemaShape()).toEqual(first);
    expect(await query('select count(*)::int as n from drizzle.__drizzle_migrations')).toEqual(applied);
    expect(await query('select body from notes')).toEqual([{ body: 'kept' }]);
  });

  test('app instances migrating a fresh database at the same moment do not collide', async () => {
    const fresh = await startTestDatabase();
    try {
      await Promise.all([migrateDatabase(fresh.url), migrateDatabase(fresh.url), migrateDatabase(fresh.url)]);
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from drizzle.__drizzle_migrations',
      );
      await client.end();
      const journal = (await import('../../drizzle/meta/_journal.json')).default as { entries: unknown[] };
      expect(rows[0]?.n).toBe(journal.entries.length);
    } finally {
      await fresh.stop();
    }
  });
});
