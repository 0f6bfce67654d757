// Facts about a running PostgreSQL server, from its lock file and the process table, and a clean way to stop one.
// Used to stop only servers Tokenwise itself started: a PID alone can be reused, so a process is known by its PID
// and its start time (Linux's /proc; elsewhere the PID alone is all there is).
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

const OWNER_FILE = 'tokenwise-owner.json';

/** True while `pid` runs. A zombie (exited, not yet reaped: common in containers whose init never reaps) is gone. */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error?.code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    // No /proc (not Linux): the signal check is all there is.
    return true;
  }
}

/** Clock ticks since boot when the process started (field 22 of /proc/<pid>/stat), or null where unknown. */
export function processStartTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and brackets: count fields after its closing bracket.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** `{ pid }` from the data folder's postmaster.pid (the server's own lock), or null when there is none. */
export function readPostmasterPid(dataDir) {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? { pid } : null;
  } catch {
    return null;
  }
}

/** `{ startTime }` when `pid` is alive and is the server holding `dataDir`'s lock; null otherwise. */
export function isPostmasterOf(pid, dataDir) {
  if (readPostmasterPid(dataDir)?.pid !== pid || !isAlive(pid)) return null;
  return { startTime: processStartTime(pid) };
}

/** Fast shutdown (SIGINT: clients cut, data safe); immediate shutdown (SIGQUIT) if that takes too long. */
export async function stopPostmaster(pid, { timeoutMs = 15_000 } = {}) {
  const gone = async (ms) => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      if (!isAlive(pid)) return true;
    }
    return !isAlive(pid);
  };
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return !isAlive(pid);
  }
  if (await gone(timeoutMs)) return true;
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    // already gone
  }
  return gone(5_000);
}

/** Records who started the server in `dataDir`, so a later start can tell an abandoned server from a live one. */
export async function writeOwner(dataDir, postmasterPid) {
  const record = {
    ownerPid: process.pid,
    ownerStartTime: processStartTime(process.pid),
    postmasterPid,
    postmasterStartTime: processStartTime(postmasterPid),
  };
  await fs.writeFile(path.join(dataDir, OWNER_FILE), JSON.stringify(record) + '\n', { mode: 0o600 });
}

export async function removeOwner(dataDir) {
  await fs.rm(path.join(dataDir, OWNER_FILE), { force: true });
}

function readOwner(dataDir) {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, OWNER_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The server holding `dataDir`, if Tokenwise started it and the process that started it is gone: `{ pid }`.
 * Null when no server runs there, when one runs that Tokenwise did not start (no record, or a record naming
 * another process), or when its starter is still alive. Only such an abandoned server may be stopped.
 */
export function abandonedServer(dataDir) {
  const running = readPostmasterPid(dataDir);
  if (!running || !isAlive(running.pid)) return null;
  const owner = readOwner(dataDir);
  if (!owner || owner.postmasterPid !== running.pid) return null;
  if (owner.postmasterStartTime && owner.postmasterStartTime !== processStartTime(running.pid)) return null;
  const ownerAlive =
    isAlive(owner.ownerPid) && (!owner.ownerStartTime || owner.ownerStartTime === processStartTime(owner.ownerPid));
  return ownerAlive ? null : { pid: running.pid };
}
