// `npm start`: build if needed, start the database (embedded unless DATABASE_URL is set), serve on PORT.
import { ensureBuild } from './lib/build.mjs';
import { ensureDatabase } from './lib/database.mjs';
import { requireNode22 } from './lib/node-version.mjs';
import { startApp } from './lib/server.mjs';

requireNode22();
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a whole number from 1 to 65535, got "${process.env.PORT}".`);
  process.exit(1);
}

let database = { stop: async () => {} };
let app;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await app?.stop().catch(() => {});
  await database.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  console.log(`▸ Tokenwise on Node ${process.versions.node}`);
  await ensureBuild();
  database = await ensureDatabase();
  app = await startApp({ port, host: process.env.HOST ?? '0.0.0.0', env: database.url ? { DATABASE_URL: database.url } : {} });
  console.log(`\n▸ Tokenwise is ready: http://localhost:${port}\n  Runs use the built-in sandbox model unless OPENAI_API_KEY and LIVE_RUNS_FOR_GUESTS are set. Ctrl+C stops.`);
  const result = await app.exit;
  await shutdown(result === 0 ? 0 : 1);
} catch (error) {
  console.error(`\n✖ Tokenwise could not start: ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
