import { spawn } from 'node:child_process';
import path from 'node:path';
import { portInUseError } from './port.mjs';
import { baseEnv } from './run.mjs';

const SERVER = path.resolve(import.meta.dirname, '../server.mjs');

/**
 * Starts the production app through Tokenwise's own server (`scripts/server.mjs`) and resolves once that server
 * says it is listening and Next is prepared. The server reports over an IPC channel, so a port held by some other
 * program is an error here, never mistaken for our app answering. The channel also ties the server's life to this
 * process: if this process dies, even by SIGKILL, the server exits.
 *
 * `portVariable`/`command` only shape the message when the port is taken (`PORT=3001 npm start`).
 */
export async function startApp({ port, env = {}, quiet = false, host = '127.0.0.1', portVariable = 'PORT', command = 'npm start' }) {
  const child = spawn(process.execPath, [SERVER, '-p', String(port), '-H', host], {
    env: baseEnv({ ...env, PORT: String(port), NODE_ENV: 'production' }),
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit', 'ipc'],
  });
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = signal ?? code))));
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;

  const started = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ error: 'it did not report ready within 120 s' }), 120_000);
    child.on('message', (message) => {
      if (message?.ready || message?.error) {
        clearTimeout(timer);
        resolve(message);
      }
    });
    void exit.then((how) => {
      clearTimeout(timer);
      resolve({ error: `it exited during start-up (${how})` });
    });
  });
  if (!started.ready) {
    if (exited === null) child.kill('SIGTERM');
    await exit;
    if (started.error === 'EADDRINUSE') throw portInUseError(port, portVariable, command);
    throw new Error(`the app server did not start: ${started.error}`);
  }
  // Nothing more to hear from it; the open channel must not keep this process alive on its own.
  child.channel?.unref();
  return {
    url,
    child,
    exit,
    async stop() {
      if (exited === null) child.kill('SIGTERM');
      const timer = setTimeout(() => exited === null && child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
