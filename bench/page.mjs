// Lesson-page budget: gzipped scripts over the framework floor, build time (cold and warm), serve time p50/p99.
// Run with `npm run bench` (or `node bench/page.mjs`) from the project root; it builds and starts the app itself.
import { rmSync } from 'node:fs';
import os from 'node:os';
import { run } from '../scripts/lib/run.mjs';
import { startApp } from '../scripts/lib/server.mjs';
import { kB, pageScripts, percentile } from './lib.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 3900);
const LESSON = '/lessons/chat-completions';
const BUDGET = 40 * 1024;

async function timeBuild(label, clean) {
  if (clean) rmSync('.next', { recursive: true, force: true });
  const started = performance.now();
  await run('npm', ['run', '--silent', 'build'], { env: { FORCE_COLOR: '0' } });
  const seconds = (performance.now() - started) / 1000;
  console.log(`build (${label}): ${seconds.toFixed(1)} s`);
  return seconds;
}

// BENCH_SKIP_BUILD=1 measures an existing build (page weight and serve time only).
const skipBuild = process.env.BENCH_SKIP_BUILD === '1';
const cold = skipBuild ? null : await timeBuild('cold, no .next', true);
const warm = skipBuild ? null : await timeBuild('warm, .next/cache kept', false);

const app = await startApp({ port: PORT, quiet: true });
try {
  const floor = await pageScripts(app.url, '/bench/empty');
  const lesson = await pageScripts(app.url, LESSON);
  const added = lesson.total - floor.total;
  console.log(`scripts, empty page (floor): ${kB(floor.total)} gzipped in ${floor.files.length} files`);
  console.log(`scripts, lesson page: ${kB(lesson.total)} gzipped in ${lesson.files.length} files`);
  console.log(`lesson page adds ${kB(added)} over the floor (budget ${kB(BUDGET)}): ${added <= BUDGET ? 'within budget' : 'OVER BUDGET'}`);

  for (let i = 0; i < 50; i++) await (await fetch(app.url + LESSON)).arrayBuffer(); // warm up
  const times = [];
  for (let i = 0; i < 1000; i++) {
    const t = performance.now();
    const response = await fetch(app.url + LESSON);
    await response.arrayBuffer();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`serve ${LESSON}: p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms over 1,000 sequential requests`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`);
  console.log(JSON.stringify({ cold, warm, floor: floor.total, lesson: lesson.total, added }));
} finally {
  await app.stop();
}
