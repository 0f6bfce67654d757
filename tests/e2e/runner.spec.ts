import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { recordForeignRequests, Workbench } from './pages/workbench';

/**
 * The runner: error drills surface the SDK's own error classes, runaway programs are stopped, streams arrive in
 * pieces, and learner code is isolated from the app (sandboxed frame, opaque origin, CSP) and from forged messages.
 */
let foreign: string[] = [];
let allowed: string[] = [];
test.beforeEach(({ context, baseURL }) => {
  allowed = [];
  foreign = recordForeignRequests(context, baseURL!, allowed);
});
test.afterEach(() => {
  expect(foreign, 'requests that left the app').toEqual([]);
});

const DRILLS = [
  { option: '401 wrong key', error: 'AuthenticationError', status: 'status 401' },
  { option: '429 rate limit', error: 'RateLimitError', status: 'status 429' },
  { option: '500 server error', error: 'InternalServerError', status: 'status 500' },
  { option: 'Timeout', error: 'APIConnectionTimeoutError', status: null },
  { option: 'Dropped connection', error: 'APIConnectionError', status: null },
];

test('each error drill makes the next run fail with the SDK error class, linked to the lesson', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const bench = new Workbench(page);
  await bench.open();
  for (const drill of DRILLS) {
    await bench.drill.selectOption({ label: drill.option });
    await bench.run.click();
    await bench.finished(30_000);
    await expect(bench.status).toHaveText(/^Failed/);
    await expect(bench.errorClass()).toHaveText(drill.error);
    const card = page.getByRole('alert').filter({ has: bench.errorClass() });
    if (drill.status) await expect(card).toContainText(drill.status);
    await expect(card.getByRole('link', { name: `How to recover from ${drill.error}` })).toHaveAttribute(
      'href',
      `#error-${drill.error.toLowerCase()}`,
    );
    // The drill applied to one run only.
    await expect(bench.drill).toHaveValue('none');
  }
  // The inspector shows the SDK's retries of the last drill (three attempts).
  await bench.drill.selectOption({ label: '429 rate limit' });
  await bench.run.click();
  await bench.finished(30_000);
  await expect(bench.inspector.getByRole('listitem')).toHaveCount(3);
  await expect(bench.inspector.getByRole('listitem').first()).toContainText('429');
  // And the next run, without a drill, succeeds.
  await bench.run.click();
  await bench.finished();
  await expect(bench.status).toHaveText(/^Finished/);
});

test('Stop ends a runaway loop at once and the page stays usable', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open('/playground');
  await bench.setCode("console.log('before');\nwhile (true) {}\n");
  await bench.run.click();
  await expect(bench.console).toContainText('before');
  await expect(bench.stop).toBeVisible();
  // The page's own thread is free: the editor still takes input while the loop spins.
  await bench.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('// typed while it ran\n');
  await expect(bench.lines).toContainText('typed while it ran');
  await bench.stop.click();
  await expect(bench.status).toHaveText(/^Stopped in \d+ ms/);
  await bench.setCode("console.log('after');\n");
  await bench.runWithShortcut();
  await expect(bench.console).toHaveText('after');
});

test('a run over its time limit is stopped with a clear message', async ({ page }) => {
  test.setTimeout(90_000);
  const bench = new Workbench(page);
  await bench.open('/playground');
  await bench.setCode('while (true) {}\n');
  await bench.run.click();
  await expect(bench.status).toHaveText(/^Stopped: time limit/, { timeout: 45_000 });
  await expect(page.getByText('The run went over its time limit and was stopped.')).toBeVisible();
  await expect(bench.run).toBeEnabled();
});

test('a flood of output is capped and marked', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open('/playground');
  await bench.setCode("for (let i = 0; i < 1e6; i++) console.log('line', i);\n");
  await bench.run.click();
  await bench.finished(30_000);
  await expect(page.getByText(/printed more than the output panel keeps/)).toBeVisible();
  const text = await bench.console.innerText();
  expect(text.length).toBeLessThanOrEqual(200_000);
  expect(text).toContain('line 0\n');
});

test('a streamed reply arrives in pieces, and the inspector assembles the chunks', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open('/playground');
  await bench.setCode(
    [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      'const stream = await client.chat.completions.create({',
      "  model: 'gpt-4o-mini',",
      "  messages: [{ role: 'user', content: 'What is a token in a language model? Answer in two sentences.' }],",
      '  stream: true,',
      '  stream_options: { include_usage: true },',
      '});',
      "for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');",
      '',
    ].join('\n'),
  );
  // Record the console's length each time it changes.
  await page.evaluate(() => {
    const log = document.querySelector('[role="log"]')!;
    const seen: number[] = [];
    (window as unknown as { __lengths: number[] }).__lengths = seen;
    new MutationObserver(() => seen.push(log.textContent?.length ?? 0)).observe(log, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await bench.run.click();
  await bench.finished();
  await expect(bench.status).toHaveText(/^Finished/);
  const lengths = await page.evaluate(() => (window as unknown as { __lengths: number[] }).__lengths);
  const growing = new Set(lengths.filter((n) => n > 0));
  expect(growing.size, `console lengths seen: ${lengths.join(',')}`).toBeGreaterThanOrEqual(4);

  await expect(bench.inspector).toContainText(/stream · \d+ chunks/);
  await expect(
    bench.inspector.getByRole('heading', { name: 'Response, assembled from the stream' }),
  ).toBeVisible();
  const content = await bench.inspector.locator('[data-path="choices[0].message.content"]').innerText();
  const printed = await bench.console.innerText();
  expect(content).toContain(printed.trim().slice(0, 40));
  await expect(page.getByTestId('usage-summary')).toContainText(/This run: [1-9]\d* tokens/);
});

test('the run is published as a tokenwise:run event with its exchanges', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open();
  const detail = page.evaluate(
    () =>
      new Promise<{
        lessonSlug: string;
        outcome: string;
        exchanges: { request: { model: string }; status: number; response: { object: string } }[];
      }>((resolve) =>
        window.addEventListener('tokenwise:run', (e) => resolve((e as CustomEvent).detail), { once: true }),
      ),
  );
  await bench.runWithShortcut();
  const event = await detail;
  expect(event.lessonSlug).toBe('chat-completions');
  expect(event.outcome).toBe('completed');
  expect(event.exchanges).toHaveLength(1);
  expect(event.exchanges[0]).toMatchObject({
    status: 200,
    request: { model: 'gpt-4o-mini' },
    response: { object: 'chat.completion' },
  });
});

test.describe('isolation', () => {
  let server: Server;
  let hits = 0;
  let otherOrigin = '';
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' });
      res.end('stolen');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    otherOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('learner code cannot reach the page, its storage or cookies, nor fetch another host', async ({
    page,
    baseURL,
  }) => {
    allowed.push(otherOrigin);
    const bench = new Workbench(page);
    await bench.open('/playground');
    await page.evaluate(() => {
      localStorage.setItem('tokenwise:secret', 'page-secret');
      document.cookie = 'tokenwise_secret=cookie-secret; path=/';
    });
    hits = 0;
    await bench.setCode(
      [
        'const g = globalThis as any;',
        'const results: Record<string, string> = {};',
        'const attempt = async (name: string, fn: () => unknown) => {',
        '  try { results[name] = `got ${String(await fn())}`; } catch (e) { results[name] = `error ${(e as Error).name}`; }',
        '};',
        "await attempt('cookie', () => g.document.cookie);",
        "await attempt('localStorage', () => g.localStorage.getItem('tokenwise:secret'));",
        "await attempt('parent', () => g.parent.document.title);",
        "await attempt('top', () => { g.top.location = 'https://example.com/'; return 'navigated'; });",
        `await attempt('otherHost', async () => (await fetch('${otherOrigin}/steal')).text());`,
        `await attempt('appOutsideApi', async () => (await fetch('${baseURL}/api/session', { method: 'POST' })).status);`,
        'console.log(JSON.stringify(results));',
      ].join('\n'),
    );
    await bench.run.click();
    await bench.finished();
    const results = JSON.parse(await bench.console.innerText()) as Record<string, string>;
    for (const name of ['cookie', 'localStorage', 'parent', 'top'])
      expect(results[name], name).toMatch(/^error (TypeError|ReferenceError|SecurityError)/);
    expect(results.otherHost).toBe('error TypeError');
    expect(results.appOutsideApi).toBe('error TypeError');
    expect(hits, 'requests that reached the other host').toBe(0);
    await expect(page).toHaveURL(/\/playground$/);
  });

  test('the frame is sandboxed and allowed to connect only to the API', async ({ page, baseURL }) => {
    const response = await page.request.get('/runner');
    const csp = response.headers()['content-security-policy']!;
    expect(csp).toContain(`connect-src ${new URL(baseURL!).origin}/api/v1/`);
    expect(csp).toContain('sandbox allow-scripts');
    expect(csp).toContain("default-src 'none'");
    const bench = new Workbench(page);
    await bench.open('/playground');
    await bench.run.click();
    await bench.finished();
    await expect(page.locator('iframe[src="/runner"]')).toHaveAttribute('sandbox', 'allow-scripts');
  });

  test('messages forged by another window are ignored', async ({ page }) => {
    const bench = new Workbench(page);
    await bench.open('/playground');
    await bench.setCode("console.log('genuine');\n");
    await bench.run.click();
    await bench.finished();

    // Another same-origin window (here an iframe) posts look-alike messages to the page, and tries to take over
    // the runner frame with a port of its own.
    const answered = await page.evaluate(async () => {
      const other = document.createElement('iframe');
      other.src = '/settings';
      document.body.appendChild(other);
      await new Promise((r) => other.addEventListener('load', r, { once: true }));
      const win = other.contentWindow as Window & typeof globalThis;
      win.parent.postMessage({ type: 'tokenwise:runner-hello' }, '*');
      win.parent.postMessage({ type: 'console', runId: 'x', level: 'log', text: 'FORGED' }, '*');
      const runner =
        win.parent.document.querySelector<HTMLIFrameElement>('iframe[src="/runner"]')!.contentWindow!;
      const channel = new win.MessageChannel();
      let heard = false;
      channel.port1.onmessage = () => (heard = true);
      runner.postMessage({ type: 'tokenwise:runner-connect' }, '*', [channel.port2]);
      channel.port1.postMessage({
        type: 'run',
        runId: 'forged',
        code: "console.log('FORGED')",
        env: {},
        drill: null,
        timeLimitMs: 1000,
      });
      await new Promise((r) => setTimeout(r, 1500));
      return heard;
    });
    expect(answered, 'the runner answered a forged port').toBe(false);
    await bench.run.click();
    await bench.finished();
    await expect(bench.console).toHaveText('genuine');
    await expect(page.getByText('FORGED')).toHaveCount(0);
  });
});
