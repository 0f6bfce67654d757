// `npm run dev` / `npm run build`: Next with telemetry off, on Node 22. Dev first prepares the runner's SDK bundle
// and the editor's type files (the build script does it itself), so the editor works in development too.
import { requireNode22 } from './lib/node-version.mjs';
import { run } from './lib/run.mjs';

requireNode22();
const args = process.argv.slice(2);
try {
  if (args[0] === 'dev') await run('node', ['scripts/build/prepare.mjs']);
  await run('next', args);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
