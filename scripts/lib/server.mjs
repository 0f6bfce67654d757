import { spawn } from 'node:child_process';
import { baseEnv } from './run.mjs';

/** Starts `next start` and resolves once it answers HTTP; `stop()` ends it. */
export async function startApp({ port, env = {}, quiet = false, host = '127.0.0.1' }) {
  const child = spawn('next', ['start', '-p', String(port), '-H', host], {
    env: baseEnv({ ...env, PORT: String(port) }),
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
  });
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = signal ?? code))));
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`the app exited during start-up (${exited})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (Date.now() >= deadline) {
    child.kill('SIGTERM');
    throw new Error(`the app did not answer on ${url} within 60 s`);
  }
  return {
    url,
    child,
    exit,
    async stop() {
      if (exited === null) child.kill('SIGTERM');
      await exit;
    },
  };
}
