// `npm run bench`: every benchmark in this folder, one after another. Figures go to stdout; record them in
// bench/README.md with the machine they ran on.
import { existsSync } from 'node:fs';
import { run } from '../scripts/lib/run.mjs';

const BENCHES = ['bench/page.mjs', 'bench/proxy.mjs', 'bench/editor.mjs', 'bench/tokenizer.mjs', 'bench/hostile.mjs'];
for (const bench of BENCHES.filter((b) => existsSync(b))) {
  console.log(`\n━━ ${bench} ━━`);
  await run('node', [bench]);
}
