import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The app's Postgres: `DATABASE_URL` when set, else an embedded server under `dataDir`. Migrations are applied
 * either way. Returns the URL for the app and a stop function (a no-op for an external database).
 */
export async function ensureDatabase({ root = process.cwd(), dataDir = path.join(root, 'data/postgres') } = {}) {
  const embeddedModule = path.join(root, 'scripts/db/embedded.mjs');
  const migrateModule = path.join(root, 'scripts/db/migrate.mjs');
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    if (!existsSync(embeddedModule)) return { url: undefined, stop };
    const { startEmbeddedPostgres } = await import(pathToFileURL(embeddedModule).href);
    console.log(`▸ Starting the embedded PostgreSQL (data in ${path.relative(root, dataDir) || dataDir}).`);
    const server = await startEmbeddedPostgres({ dataDir });
    url = server.url;
    stop = server.stop;
  }
  if (existsSync(migrateModule)) {
    const { migrate } = await import(pathToFileURL(migrateModule).href);
    try {
      await migrate(url);
    } catch (error) {
      await stop();
      throw error;
    }
  }
  return { url, stop };
}
