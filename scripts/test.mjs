// `npm test`: typecheck, lint, unit and content tests, then the production build under test: integration tests
// with the real SDK and Playwright end to end in Chromium. `npm test -- e2e` runs only the browser part.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuild } from './lib/build.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureDatabase } from './lib/database.mjs';
import { requireNode22 } from './lib/node-version.mjs';
import { run } from './lib/run.mjs';
import { startApp } from './lib/server.mjs';

requireNode22();
const only = process.argv[2];
const port = Number(process.env.TEST_PORT ?? 3100);
const started = Date.now();
// A fresh moderation token per run, so the moderation tests run without a configured secret.
const ADMIN_TOKEN = `test-admin-${randomBytes(12).toString('hex')}`;
const step = (name) => console.log(`\n━━ ${name} ━━ (${((Date.now() - started) / 1000).toFixed(0)} s)`);

console.log(`▸ npm test on Node ${process.versions.node}`);
ensureChromium();

try {
  if (only !== 'e2e') {
    step('typecheck');
    await run('tsc', ['--noEmit']);
    step('lint');
    await run('eslint', ['--max-warnings=0', '.']);
    step('unit and content tests');
    await run('vitest', ['run', 'tests/unit', 'tests/content']);
  }
  step('build');
  await ensureBuild();
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}\n✖ npm test failed`);
  process.exit(1);
}

// A throwaway database, so tests never touch a learner's notes under ./data.
const dataDir = mkdtempSync(path.join(tmpdir(), 'tokenwise-test-db-'));
let database = { stop: async () => {} };
let app;
let failed = false;
try {
  database = await ensureDatabase({ dataDir });
  step(`start the app on port ${port}`);
  // The same server `npm start` uses (scripts/server.mjs), with the client address from the socket.
  app = await startApp({
    port,
    quiet: true,
    portVariable: 'TEST_PORT',
    command: 'npm test',
    env: {
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      TOKENWISE_TEST: '1',
      ADMIN_TOKEN,
      // The XSS test posts ~150 notes from one address; the per-IP and per-lesson limits have tests of their own.
      NOTES_LIMIT_PER_IP: '100000',
      NOTES_LIMIT_PER_LESSON: '100000',
      NOTES_ATTEMPTS_PER_MINUTE: '100000',
      // The browser tests answer many questions from one address; the 429 itself is tested with a fresh client.
      QUIZ_CHECKS_PER_MINUTE: '100',
      // Integration tests speak as many clients through X-Forwarded-For, as behind one trusted reverse proxy. The
      // default (0: the socket address only) is tested on app instances of its own (tests/integration/client-address).
      TRUSTED_PROXY_HOPS: '1',
    },
  });
  const env = { TOKENWISE_URL: app.url, ADMIN_TOKEN, ...(database.url ? { TEST_DATABASE_URL: database.url } : {}) };
  if (only !== 'e2e') {
    step('integration tests (the running app, driven by the openai SDK)');
    await run('vitest', ['run', 'tests/integration', '--passWithNoTests'], { env });
  }
  step('end to end (Playwright in Chromium)');
  await run('playwright', ['test'], { env });
} catch (error) {
  failed = true;
  // Set now, not only at the end: whatever happens while cleaning up, a failed run never exits 0.
  process.exitCode = 1;
  console.error(error?.code === 'PORT_IN_USE' ? error.message : `\n✖ ${error instanceof Error ? error.message : error}`);
} finally {
  await app?.stop();
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`\n${failed ? '✖ npm test failed' : '✔ npm test passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
