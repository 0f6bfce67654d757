// Editor and runner: time from page load to an editable editor, from Ctrl+Enter to first output on a warm editor
// (sandbox backend), and the gzipped bytes the editor and runner add. Run with `node bench/editor.mjs` from the
// project root: against TOKENWISE_URL if set, else it builds (if needed) and starts the app itself.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { ensureBuild } from '../scripts/lib/build.mjs';
import { CHROMIUM, CHROMIUM_FLAGS } from '../scripts/lib/chromium.mjs';
import { startApp } from '../scripts/lib/server.mjs';
import { kB, percentile } from './lib.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 3901);
const LESSON = '/lessons/chat-completions';
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const LOADS = Number(process.env.BENCH_LOADS ?? 5);

let app = null;
let baseUrl = process.env.TOKENWISE_URL;
if (!baseUrl) {
  await ensureBuild();
  app = await startApp({ port: PORT, quiet: true });
  baseUrl = app.url;
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_FLAGS,
});
const median = (xs) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const p90 = (xs) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    90,
  );

try {
  // 1. Page load to an editable editor, and from "editor wanted" to editable (fresh context each time: cold cache).
  const load = [];
  const requested = [];
  let bytes = null;
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const requests = [];
    context.on('request', (request) => requests.push({ request }));
    await page.goto(LESSON);
    await page.waitForSelector('[data-editor-ready="true"]', { timeout: 60_000 });
    const marks = await page.evaluate(() => ({
      requested: performance.getEntriesByName('tokenwise:editor-requested')[0]?.startTime,
      ready: performance.getEntriesByName('tokenwise:editor-ready')[0]?.startTime,
    }));
    load.push(marks.ready);
    requested.push(marks.ready - marks.requested);
    if (i === 0) {
      // Everything fetched after the page's own load, once the editor and runner are up: what they add.
      await page.waitForTimeout(3_000);
      // The editor is in view on a wide screen, so it is requested as soon as the page has hydrated; what it adds
      // is everything fetched beyond the files the page's HTML references.
      const html = await (await fetch(new URL(LESSON, baseUrl))).text();
      const initial = new Set(
        [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1], baseUrl).pathname),
      );
      bytes = await weigh(requests, initial);
    }
    await context.close();
  }

  // 2. Ctrl+Enter to first output, on a warm editor (after one run), the sandbox answering.
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(LESSON);
  await page.waitForSelector('[data-editor-ready="true"]');
  await page.locator('.monaco-editor .view-lines').first().click();
  // A learner reads for a moment before the first run; the editor warms up TypeScript and the runner meanwhile.
  await page.waitForTimeout(5_000);
  const firstRun = await timeRun(page);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timeRun(page));
  await context.close();

  const result = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`,
    pageLoadToEditableMs: { median: median(load), p90: p90(load), samples: load.length },
    requestedToEditableMs: { median: median(requested), p90: p90(requested), samples: requested.length },
    firstRunToFirstOutputMs: firstRun,
    warmRunToFirstOutputMs: { median: median(runs), p90: p90(runs), samples: runs.length },
    gzippedBytes: bytes,
  };
  console.log(
    `page load → editable editor: median ${result.pageLoadToEditableMs.median.toFixed(0)} ms, p90 ${result.pageLoadToEditableMs.p90.toFixed(0)} ms (${LOADS} cold loads)`,
  );
  console.log(
    `editor requested → editable: median ${result.requestedToEditableMs.median.toFixed(0)} ms, p90 ${result.requestedToEditableMs.p90.toFixed(0)} ms (target < 2000 ms)`,
  );
  console.log(
    `Ctrl+Enter → first output, first run (5 s after the editor appeared): ${firstRun.toFixed(0)} ms`,
  );
  console.log(
    `Ctrl+Enter → first output, warm: median ${result.warmRunToFirstOutputMs.median.toFixed(0)} ms, p90 ${result.warmRunToFirstOutputMs.p90.toFixed(0)} ms (${RUNS} runs; target < 200 ms)`,
  );
  for (const [group, size] of Object.entries(bytes)) console.log(`gzipped, ${group}: ${kB(size)}`);
  console.log(result.machine);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/editor.json', JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  await app?.stop();
}

/**
 * Sums the gzipped bodies of what the page fetched beyond the files its HTML references, grouped: the on-demand editor (Monaco, its
 * workers, the workbench and output panel), the SDK's types, the runner frame and the SDK bundle it runs.
 */
async function weigh(requests, initial) {
  const groups = {
    'editor: Monaco, its workers, workbench and output panel (JS, CSS, font)': 0,
    'SDK types for the editor': 0,
    'runner frame (HTML with inline script)': 0,
    'SDK bundle for the runner': 0,
  };
  for (const { request } of requests) {
    const url = new URL(request.url());
    if (!url.protocol.startsWith('http') || initial.has(url.pathname)) continue;
    const response = await request.response();
    if (!response || response.status() !== 200) continue;
    let body;
    try {
      body = await response.body();
    } catch {
      continue;
    }
    const gz = gzipSync(body, { level: 9 }).length;
    if (url.pathname === '/runner') groups['runner frame (HTML with inline script)'] += gz;
    else if (url.pathname.endsWith('/generated/runner/openai.js')) groups['SDK bundle for the runner'] += gz;
    else if (url.pathname.endsWith('/openai-types.json')) groups['SDK types for the editor'] += gz;
    else if (url.pathname.startsWith('/_next/static/'))
      groups['editor: Monaco, its workers, workbench and output panel (JS, CSS, font)'] += gz;
  }
  return groups;
}

/** Ctrl+Enter to the first line of new output, timed in the page (keydown to the DOM change). */
async function timeRun(page) {
  await page.evaluate(() => {
    const log = document.querySelector('[role="log"][aria-label="Console output"]');
    // The previous run's output is cleared first; the first output after that is this run's.
    let cleared = !log.querySelector('[data-level]');
    window.__firstOutput = null;
    const observer = new MutationObserver(() => {
      if (!log.querySelector('[data-level]')) cleared = true;
      else if (cleared) {
        observer.disconnect();
        window.__firstOutput = performance.now();
      }
    });
    observer.observe(log, { childList: true, subtree: true, characterData: true });
    window.__pressed = null;
    const onKey = (e) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      window.__pressed = performance.now();
      document.removeEventListener('keydown', onKey, true);
    };
    document.addEventListener('keydown', onKey, true);
  });
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => window.__firstOutput !== null && window.__pressed !== null, null, {
    timeout: 30_000,
  });
  const elapsed = await page.evaluate(() => window.__firstOutput - window.__pressed);
  await page.waitForSelector('[data-testid="run-status"]:text-matches("^Finished")', { timeout: 30_000 });
  return elapsed;
}
