// `npm start`: build if needed, start the database (embedded unless DATABASE_URL is set), serve on PORT through
// Tokenwise's own server (scripts/server.mjs). Nothing it starts outlives it: the app server exits when this
// process goes (an IPC channel), and the embedded PostgreSQL is stopped by a watchdog (scripts/db/watchdog.mjs).
import { ensureBuild } from './lib/build.mjs';
import { ensureDatabase } from './lib/database.mjs';
import { requireNode22 } from './lib/node-version.mjs';
import { portInUseMessage, portIsFree } from './lib/port.mjs';
import { startApp } from './lib/server.mjs';

requireNode22();
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a whole number from 1 to 65535, got "${process.env.PORT}".`);
  process.exit(1);
}
// Say so at once, before a build or a database start that would only be undone.
if (!(await portIsFree(port, host))) {
  console.error(portInUseMessage(port));
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
// SIGHUP: the terminal was closed. Each ends the app server and the database before this process.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));

try {
  console.log(`▸ Tokenwise on Node ${process.versions.node}`);
  await ensureBuild();
  database = await ensureDatabase();
  app = await startApp({ port, host, env: database.url ? { DATABASE_URL: database.url } : {} });
  console.log(`\n▸ Tokenwise is ready: http://localhost:${port}\n  Runs use the built-in sandbox model unless OPENAI_API_KEY and LIVE_RUNS_FOR_GUESTS are set. Ctrl+C stops.`);
  const result = await app.exit;
  await shutdown(result === 0 ? 0 : 1);
} catch (error) {
  if (error?.code === 'PORT_IN_USE') console.error(error.message);
  else console.error(`\n✖ Tokenwise could not start: ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
