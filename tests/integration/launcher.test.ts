import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/db/embedded.mjs';
import { isAlive } from '../../scripts/db/postmaster.mjs';
import { isBuildCurrent } from '../../scripts/lib/build.mjs';

/**
 * `npm start` (scripts/start.mjs) as a person meets it: a taken port is one clear line and a non-zero exit, and
 * however the launcher ends, its app server ends too. Runs against the suite's build and database (so no build
 * and no embedded PostgreSQL here; the database's own lifecycle is tested in tests/unit/scripts-embedded-postgres).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const DATABASE_URL = process.env.TEST_DATABASE_URL;
const ready = Boolean(process.env.TOKENWISE_URL && DATABASE_URL && isBuildCurrent(ROOT));
if (!ready) console.warn('tests/integration/launcher.test.ts skipped: it needs the current build and database npm test provides.');

const launched: ChildProcess[] = [];
afterAll(() => {
  for (const child of launched) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function launch(port: number) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL, PROXY_LOG: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launched.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, exited, output: () => output };
}

/** PIDs of a process's children (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}


async function waitFor(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    if (await check()) return true;
  }
  return check();
}

const answers = (port: number) =>
  fetch(`http://127.0.0.1:${port}/robots.txt`, { signal: AbortSignal.timeout(15_000) }).then(
    (r) => r.ok,
    () => false,
  );

describe.skipIf(!ready)('npm start', () => {
  it('with the port taken, says so in one line before anything else and exits non-zero', async () => {
    const holder = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      const run = launch(port);
      expect(await run.exited).not.toBe(0);
      const lines = run.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Port ${port} is already in use`);
      expect(lines[0]).toContain(`PORT=${port + 1} npm start`);
      expect(run.output()).not.toContain('is ready');
    } finally {
      holder.close();
    }
  });

  it.each(['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGKILL'] as const)(
    'killed with %s, leaves no app server behind',
    async (signal) => {
      const port = await freePort();
      const run = launch(port);
      expect(await waitFor(() => run.output().includes('Tokenwise is ready'), 60_000), run.output()).toBe(true);
      expect(await answers(port)).toBe(true);
      const servers = childrenOf(run.child.pid!);
      expect(servers.length, 'the launcher runs the app server as its child').toBeGreaterThan(0);

      run.child.kill(signal);
      await run.exited;
      expect(await waitFor(() => servers.every((pid) => !isAlive(pid)), 15_000), `still running: ${servers}`).toBe(true);
      expect(await answers(port)).toBe(false);
    },
    90_000,
  );
});
