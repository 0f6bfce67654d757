import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { recordForeignRequests, Workbench } from './pages/workbench';

/**
 * The output panel's views for lessons 3, 4 and 6, against the sandbox: compare a pinned run with the next one,
 * the stream timeline and the inspector's raw chunks, the rate-limit gauge and the SDK's retries on the 429 drill.
 * Each is checked with axe (contrast included) in light and dark, and screenshotted.
 */
const ARTIFACTS = 'tests/e2e/artifacts';

let foreign: string[] = [];
test.beforeEach(({ context, baseURL }) => {
  foreign = recordForeignRequests(context, baseURL!);
});
test.afterEach(() => {
  expect(foreign, 'requests that left the app').toEqual([]);
});

const program = (settings: string, extra = '') => `import OpenAI from 'openai';
const client = new OpenAI();
const completion = await client.chat.completions.create({
model: 'gpt-4o-mini',
messages: [{ role: 'user', content: 'Name a colour.' }],
${settings}
});
for (const choice of completion.choices) console.log(choice.index, choice.finish_reason, choice.message.content);
${extra}`;

const STREAM = `import OpenAI from 'openai';
const client = new OpenAI();
const stream = await client.chat.completions.create({
model: 'gpt-4o-mini',
messages: [{ role: 'user', content: 'Tell me about streaming in a few sentences.' }],
stream: true,
stream_options: { include_usage: true },
});
for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
`;

/**
 * axe on the output panel, light and dark (the page follows the system theme), with a screenshot of each view (the
 * example column scrolls on its own, so a screenshot of the whole panel would be cut at the column's height).
 */
async function checkPanel(page: Page, name: string, views: Locator[]) {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page })
      .include('section[aria-labelledby="output-title"]')
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `axe, ${colorScheme}`,
    ).toEqual([]);
    for (const [i, view] of views.entries())
      await view.screenshot({
        path: `${ARTIFACTS}/output-${name}${i ? `-${i + 1}` : ''}-${colorScheme}.png`,
      });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('compare runs: pin a run, change settings, see both side by side; unpin and replace by keyboard', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const bench = new Workbench(page);
  await bench.open();
  await bench.setCode(program('temperature: 0,\nseed: 7,'));
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished/);

  const pin = page.getByRole('button', { name: 'Pin to compare' });
  await pin.focus();
  await page.keyboard.press('Enter');
  // Focus moves to the control that replaced the button, never to <body>.
  await expect(page.getByRole('button', { name: 'Unpin' })).toBeFocused();
  await expect(page.getByTestId('pinned-note')).toContainText('This run is pinned');

  await bench.setCode(
    program("n: 2,\ntemperature: 1.2,\nseed: 7,\nstop: ['.'],\nmax_completion_tokens: 40,"),
  );
  await bench.runWithShortcut();
  const compare = page.getByRole('region', { name: 'Compare runs' });
  await expect(compare).toBeVisible();
  const diffs = compare.getByRole('table');
  for (const [setting, pinned, current] of [
    ['temperature', '0', '1.2'],
    ['n', 'not set', '2'],
    ['stop', 'not set', '["."]'],
    ['max_completion_tokens', 'not set', '40'],
  ])
    await expect(diffs.getByRole('row', { name: new RegExp(`^${setting} `) })).toHaveText(
      `${setting}${pinned}${current}`,
    );
  // seed is the same in both, so it is not listed.
  await expect(diffs.getByRole('row', { name: /^seed / })).toHaveCount(0);

  const pinnedSide = compare.getByRole('region', { name: 'Pinned run' });
  const currentSide = compare.getByRole('region', { name: 'This run' });
  await expect(
    pinnedSide.getByRole('list', { name: 'Pinned run: choices' }).getByRole('listitem'),
  ).toHaveCount(1);
  await expect(
    currentSide.getByRole('list', { name: 'This run: choices' }).getByRole('listitem'),
  ).toHaveCount(2);
  for (const side of [pinnedSide, currentSide]) {
    await expect(side).toContainText('finish_reason:');
    await expect(side).toContainText(/\d+ prompt \+ \d+ completion = \d+ tokens · \$/);
  }
  // Side by side on a laptop.
  const [a, b] = [await pinnedSide.boundingBox(), await currentSide.boundingBox()];
  expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
  expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
  await checkPanel(page, 'compare', [compare]);

  // Stacked on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  const [pa, pb] = [await pinnedSide.boundingBox(), await currentSide.boundingBox()];
  expect(pb!.y).toBeGreaterThanOrEqual(pa!.y + pa!.height);
  // The comparison fits the phone: nothing in it scrolls sideways or sticks out of the screen.
  const box = await compare.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(await compare.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
  await compare.screenshot({ path: `${ARTIFACTS}/output-compare-phone.png` });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Replace: this run becomes the pinned one; then unpin.
  await compare.getByRole('button', { name: 'Pin this run instead' }).click();
  await expect(compare).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Unpin' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pinned-note')).toHaveCount(0);
  await expect(pin).toBeFocused();
});

test('streaming: a timeline of the chunks, and the inspector toggles assembled and raw chunks', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const bench = new Workbench(page);
  await bench.open();
  await bench.setCode(STREAM);
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished/);

  const timeline = page.getByRole('region', { name: 'Stream timeline' });
  await expect(timeline).toBeVisible();
  const fact = (name: string) =>
    timeline.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd');
  await expect(fact('Time to first token')).toHaveText(/^\d+(\.\d+)? m?s$/);
  await expect(fact('Total time')).toHaveText(/^\d+(\.\d+)? m?s$/);
  const chunkText = await fact('Chunks').textContent();
  const chunks = Number(/^(\d+)/.exec(chunkText ?? '')![1]);
  expect(chunks).toBeGreaterThan(2);
  await expect(bench.inspector).toContainText(`stream · ${chunks} chunks`);

  const assembled = bench.inspector.getByRole('button', { name: 'Assembled' });
  const raw = bench.inspector.getByRole('button', { name: `Raw chunks (${chunks})` });
  await expect(assembled).toHaveAttribute('aria-pressed', 'true');
  await expect(
    bench.inspector.getByRole('region', { name: 'Response, assembled from the stream' }),
  ).toBeVisible();
  await raw.focus();
  await page.keyboard.press('Enter');
  await expect(raw).toHaveAttribute('aria-pressed', 'true');
  const rawList = bench.inspector.getByRole('region', { name: 'Raw chunks of response 1' });
  // Every chunk as its data: line with its arrival time, then the [DONE] that ends the stream.
  await expect(rawList.getByRole('listitem')).toHaveCount(chunks + 1);
  await expect(rawList.getByRole('listitem').first()).toHaveText(/^\+\d+ msdata: \{"id":"chatcmpl-/);
  await expect(rawList.getByRole('listitem').last()).toHaveText('data: [DONE]');
  await expect(
    bench.inspector.getByRole('region', { name: 'Response, assembled from the stream' }),
  ).toHaveCount(0);
  await checkPanel(page, 'stream', [timeline, bench.inspector]);
  await assembled.click();
  await expect(
    bench.inspector.getByRole('region', { name: 'Response, assembled from the stream' }),
  ).toBeVisible();
});

test('rate limits: the gauge reads the headers of each run; the 429 drill shows the SDK retrying', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const bench = new Workbench(page);
  await bench.open();
  await bench.setCode(program('max_completion_tokens: 20,'));
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished/);

  const gauge = page.getByRole('region', { name: 'Rate limits left' });
  const requests = gauge.getByRole('meter', { name: 'Requests' });
  const tokens = gauge.getByRole('meter', { name: 'Tokens' });
  await expect(requests).toHaveAttribute('aria-valuetext', /^\d[\d,]* of \d[\d,]* requests left$/);
  await expect(tokens).toHaveAttribute('aria-valuetext', /^\d[\d,]* of \d[\d,]* tokens left$/);
  await expect(gauge).toContainText(/Back to the full limit in .+\(\d/);
  // No retries, no retries view.
  await expect(page.getByRole('region', { name: 'Retries' })).toHaveCount(0);

  await bench.drill.selectOption({ label: '429 rate limit' });
  await bench.run.click();
  await bench.finished(30_000);
  await expect(bench.errorClass()).toHaveText('RateLimitError');
  // The drill's own headers: 0 of 3 requests left.
  await expect(requests).toHaveAttribute('aria-valuenow', '0');
  await expect(requests).toHaveAttribute('aria-valuemax', '3');
  const retries = page.getByRole('region', { name: 'Retries' });
  await expect(retries).toBeVisible();
  const attempts = retries.getByRole('list', { name: 'Attempts of call 1' }).getByRole('listitem');
  await expect(attempts).toHaveCount(3);
  await expect(attempts.nth(0)).toContainText('Attempt 1429');
  await expect(attempts.nth(0)).toContainText('x-stainless-retry-count: 0');
  for (const i of [1, 2]) {
    await expect(attempts.nth(i)).toContainText(`x-stainless-retry-count: ${i}`);
    await expect(attempts.nth(i)).toContainText(/waited \d+ ms before it \(the response asked for 200 ms\)/);
    const waited = Number(/waited (\d+) ms/.exec((await attempts.nth(i).textContent()) ?? '')![1]);
    // The SDK honoured retry-after-ms: 200.
    expect(waited).toBeGreaterThanOrEqual(190);
  }
  await expect(retries).toContainText('3 attempts in');
  await checkPanel(page, 'rate-limits', [retries, gauge]);
});
