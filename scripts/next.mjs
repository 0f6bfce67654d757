// `npm run dev` / `npm run build`: Next with telemetry off, on Node 22. Dev first prepares the runner's SDK bundle
// and the editor's type files (the build script does it itself), so the editor works in development too, then
// serves through Tokenwise's own server (scripts/server.mjs), as `npm start` does, so the client address comes
// from the socket in development too. `npm run dev -- -p 3001` picks the port (or PORT=3001).
import { spawn } from 'node:child_process';
import { portInUseMessage } from './lib/port.mjs';
import { requireNode22 } from './lib/node-version.mjs';
import { baseEnv, run } from './lib/run.mjs';

requireNode22();
const [command, ...rest] = process.argv.slice(2);
try {
  if (command !== 'dev') {
    await run('next', [command, ...rest]);
    process.exit(0);
  }
  await run('node', ['scripts/build/prepare.mjs']);
  const child = spawn(process.execPath, ['scripts/server.mjs', '--dev', ...rest], {
    env: baseEnv({ NODE_ENV: 'development' }),
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', (message) => {
    if (message?.ready) console.log(`▸ Tokenwise (development) is ready: http://localhost:${message.port}`);
    if (message?.error === 'EADDRINUSE') console.error(portInUseMessage(message.port, 'PORT', 'npm run dev'));
  });
  // Ctrl+C reaches the server too (one process group); a signal sent to this process alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
