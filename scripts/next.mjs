// `npm run dev` / `npm run build`: Next with telemetry off, on Node 22.
import { requireNode22 } from './lib/node-version.mjs';
import { run } from './lib/run.mjs';

requireNode22();
run('next', process.argv.slice(2)).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
