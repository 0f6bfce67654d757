import { expect, test } from '@playwright/test';
import { recordForeignRequests, Workbench } from './pages/workbench';

/**
 * The lesson editor, end to end in Chromium against the production build: Monaco with the SDK's types, a run in
 * the sandboxed frame against the sandbox backend (no request interception anywhere: the real CORS preflight from
 * the frame's `null` origin has to pass), the output panel, and the code's persistence.
 */
let foreign: string[] = [];
test.beforeEach(({ context, baseURL }) => {
  foreign = recordForeignRequests(context, baseURL!);
});
test.afterEach(() => {
  expect(foreign, 'requests that left the app').toEqual([]);
});

test('Ctrl+Enter runs lesson 1: reply, inspector, usage and cost; a field links to its guide entry', async ({
  page,
}) => {
  const bench = new Workbench(page);
  await bench.open();
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished in \d+ ms/);
  await expect(bench.console).toContainText('A token is');
  await expect(bench.console).toContainText('finish_reason: stop');
  await expect(bench.console).toContainText('prompt_tokens:');
  await expect(page.getByTestId('backend-badge')).toHaveText('Sandbox');

  // The inspector shows choices[0].message.content, linked to the field guide, with its summary on hover.
  const content = bench.inspector.locator('[data-path="choices[0].message.content"]');
  await expect(content).toContainText('A token is');
  const link = content.getByRole('link', { name: 'content', exact: true });
  await expect(link).toHaveAttribute('href', '#field-choices-message-content');
  await link.hover();
  await expect(content.getByRole('tooltip')).toBeVisible();
  const finish = bench.inspector.locator('[data-path="choices[0].finish_reason"]');
  await expect(finish.getByRole('link', { name: 'finish_reason' })).toHaveAttribute(
    'href',
    '#field-finish_reason',
  );

  // Usage and cost, at the catalog's dated prices.
  const usage = page.getByRole('region', { name: 'Usage and cost of this run' });
  await expect(usage.getByRole('row').nth(1)).toContainText('gpt-4o-mini');
  await expect(page.getByTestId('usage-summary')).toContainText(/This run: \d+ tokens, \$0\.0000\d+/);
  await expect(page.getByText(/^Prices from @pydantic\/genai-prices \d+\.\d+\.\d+, data published \d{4}-\d{2}-\d{2}\./)).toBeVisible();

  await link.click();
  await expect(page).toHaveURL(/#field-choices-message-content$/);
  await expect(page.locator('#field-choices-message-content')).toBeInViewport();
});

test('completion knows the SDK: create after client.chat.completions., and a misspelt parameter is underlined', async ({
  page,
}) => {
  const bench = new Workbench(page);
  await bench.open('/playground');
  await bench.setCode("import OpenAI from 'openai';\nconst client = new OpenAI();\nclient.chat.completions.");
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toBeVisible({ timeout: 15_000 });
  await expect(suggest.getByRole('option', { name: /^create/ })).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Escape');

  await bench.setCode(
    "import OpenAI from 'openai';\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: 'gpt-4o-mini', messages: [], max_completion_tokenz: 10 });\n",
  );
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 15_000 });
  // F8 opens the next problem, with TypeScript's message (markers follow edits a moment later: try until it shows).
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('F8');
    await expect(page.locator('.marker-widget')).toContainText(/'max_completion_tokenz' does not exist/, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
});

test("the lesson's starter has no type errors in the editor", async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open();
  await bench.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText("\nconst sentinel: number = 'not a number';\n");
  // F8 from the top goes to the first problem: it must be the sentinel, on the last lines.
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('F8');
    await expect(page.locator('.marker-widget')).toContainText(
      "Type 'string' is not assignable to type 'number'",
      { timeout: 1_000 },
    );
  }).toPass({ timeout: 20_000 });
  await expect(bench.lines).toContainText('const sentinel');
});

test('edits survive a reload; Reset restores the starter and can be undone; Show solution shows a diff', async ({
  page,
}) => {
  const bench = new Workbench(page);
  await bench.open();
  await bench.typeAtStart('// my edit 4821');
  await expect(bench.lines).toContainText('my edit 4821');
  await page.waitForTimeout(600); // saving is debounced
  await page.reload();
  await bench.ready();
  await expect(bench.lines).toContainText('my edit 4821');

  await bench.button('Show solution').click();
  const diff = page.getByTestId('solution-diff');
  await expect(diff).toBeVisible();
  await expect(diff).toContainText('Lesson 1, solved');
  await expect(diff).toContainText('my edit 4821');
  await bench.button('Hide solution').click();
  await expect(bench.lines).toContainText('my edit 4821');

  await bench.button('Reset').click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored the starter' })).toBeVisible();
  await expect(bench.lines).not.toContainText('my edit 4821');
  await expect(bench.lines).toContainText('// Lesson 1: send one conversation');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(bench.lines).toContainText('my edit 4821');
});

test('a shared link restores the code in another browser, and never carries a key', async ({
  page,
  browser,
  baseURL,
}) => {
  const bench = new Workbench(page);
  await bench.open('/playground');
  await bench.setCode("console.log('shared', 6 * 7);\n");
  await bench.button('Share').click();
  const link = page.getByLabel('Share link');
  await expect(link).toHaveValue(/\/playground#code=/);
  const url = await link.inputValue();

  const other = await browser.newContext({ baseURL });
  const otherForeign = recordForeignRequests(other, baseURL!);
  const otherPage = await other.newPage();
  const otherBench = new Workbench(otherPage);
  await otherPage.goto(url);
  await otherBench.ready();
  await expect(otherBench.lines).toContainText("console.log('shared', 6 * 7);");
  await expect(otherPage).toHaveURL(/\/playground$/);
  await otherBench.runWithShortcut();
  await expect(otherBench.console).toHaveText('shared 42');
  expect(otherForeign).toEqual([]);
  await other.close();

  // A key pasted into the code: a warning, and Share refuses.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() =>
    navigator.clipboard.writeText("const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789';\n"),
  );
  await bench.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(
    page.getByRole('alert').filter({ hasText: 'You pasted what looks like an API key' }),
  ).toContainText('line 2');
  await bench.button('Share').click();
  await expect(page.getByRole('status').filter({ hasText: 'Not shared' })).toBeVisible();
  await expect(page.getByLabel('Share link')).toHaveCount(0);
});

test('the playground runs an empty program and prints what it logs', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open('/playground');
  await bench.setCode(
    "const started = Date.now();\nawait new Promise((r) => setTimeout(r, 50));\nconsole.log('waited', Date.now() - started >= 50);\nconsole.error('to stderr');\n",
  );
  await bench.run.click();
  await bench.finished();
  await expect(bench.console).toContainText('waited true');
  await expect(bench.console.locator('[data-level="error"]')).toHaveText('to stderr\n');
});

test('the editor loads only when wanted; the page before it stays static HTML', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const monacoRequests: string[] = [];
  page.on('request', (r) => {
    if (/openai-types\.json|\/runner$|runner\/openai\.js/.test(r.url())) monacoRequests.push(r.url());
  });
  await page.goto('/lessons/chat-completions');
  // On a phone the lesson comes first; the editor's skeleton (the highlighted starter) waits below it.
  await page.waitForTimeout(1500);
  expect(monacoRequests).toEqual([]);
  await expect(page.locator('[data-editor-state="idle"]')).toBeAttached();
  await page.getByRole('group', { name: 'Code editor (loads when focused)' }).focus();
  const bench = new Workbench(page);
  await bench.ready();
  expect(monacoRequests.some((u) => u.includes('openai-types.json'))).toBe(true);
});
