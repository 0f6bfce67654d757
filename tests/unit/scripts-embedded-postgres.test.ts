import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../scripts/db/embedded.mjs';
import { isAlive, stopPostmaster } from '../../scripts/db/postmaster.mjs';

/**
 * The embedded PostgreSQL never outlives the app that started it, and a later start cleans up only what Tokenwise
 * itself left behind. Each case starts a real server (one shared data folder, so `initdb` runs once) from a child
 * process that plays the app, then kills that process the hard way.
 */
const EMBEDDED = path.resolve(import.meta.dirname, '../../scripts/db/embedded.mjs');
let dataDir: string;

/** A stand-in for `npm start`: starts the server in `dataDir`, prints its PID, then waits to be killed. */
async function startStarter(watchdog: boolean): Promise<{ child: ChildProcess; pid: number }> {
  const code = `
    const { startEmbeddedPostgres } = await import(${JSON.stringify(EMBEDDED)});
    const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, watchdog: ${watchdog} });
    console.log('PID ' + db.pid);
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const pid = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PID (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', () => reject(new Error(`the starter exited: ${output}`)));
  });
  return { child, pid };
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    if (check()) return true;
  }
  return check();
}

function killHard(child: ChildProcess) {
  child.kill('SIGKILL');
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.on('exit', resolve)));
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'tokenwise-pg-lifecycle-'));
  // Create the cluster once, so each case below only starts and stops a server.
  const db = await startEmbeddedPostgres({ dataDir, watchdog: false });
  await db.stop();
}, 120_000);

afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded PostgreSQL and the process that started it', () => {
  it('is stopped by its watchdog when the starter is killed with SIGKILL', async () => {
    const { child, pid } = await startStarter(true);
    expect(isAlive(pid)).toBe(true);
    await killHard(child);
    expect(await waitUntil(() => !isAlive(pid), 20_000), `postgres ${pid} still running`).toBe(true);
    // A clean shutdown: the server removed its own lock.
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 60_000);

  it('when abandoned (starter and watchdog both gone), is stopped by the next start, which goes on', async () => {
    const { child, pid } = await startStarter(false);
    await killHard(child);
    await new Promise((r) => setTimeout(r, 300));
    expect(isAlive(pid), 'without a watchdog the server is left running').toBe(true);

    const db = await startEmbeddedPostgres({ dataDir, watchdog: false });
    try {
      expect(isAlive(pid)).toBe(false);
      expect(db.pid).not.toBe(pid);
      expect(isAlive(db.pid)).toBe(true);
    } finally {
      await db.stop();
    }
  }, 60_000);

  it('is left alone while the app that started it is alive', async () => {
    const { child, pid } = await startStarter(false);
    try {
      await expect(startEmbeddedPostgres({ dataDir, watchdog: false })).rejects.toThrow(/already using the data folder/);
      expect(isAlive(pid)).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await waitUntil(() => !isAlive(pid), 20_000);
    }
  }, 60_000);

  it('is left alone when Tokenwise did not start it (no record of who did)', async () => {
    const { child, pid } = await startStarter(false);
    await killHard(child);
    unlinkSync(path.join(dataDir, 'tokenwise-owner.json'));
    try {
      await expect(startEmbeddedPostgres({ dataDir, watchdog: false })).rejects.toThrow(/already using the data folder/);
      expect(isAlive(pid)).toBe(true);
    } finally {
      await stopPostmaster(pid);
    }
  }, 60_000);
});
