import { spawn } from 'node:child_process';
import path from 'node:path';

/** Environment every child process gets: offline and quiet. */
export function baseEnv(extra = {}) {
  // npm puts node_modules/.bin first on PATH; do the same when a script is run with plain `node`.
  const bin = path.join(process.cwd(), 'node_modules', '.bin');
  return { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs a command to completion, streaming its output; rejects with the command line on failure. */
export function run(command, args, { env = {}, cwd = process.cwd() } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: baseEnv(env), stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}
