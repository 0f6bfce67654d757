import { spawn } from 'node:child_process';

/** Environment every child process gets: offline and quiet. */
export function baseEnv(extra = {}) {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
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
