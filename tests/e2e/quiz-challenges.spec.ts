import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/**
 * Challenges are passed by what a run of the example received: the runner reports each run with a `tokenwise:run`
 * event and the server re-checks its exchanges, replaying each request on the sandbox. The first test is the
 * learner's way (edit, run); the others make the runs through the app's proxy and dispatch the event themselves,
 * so they can also send what the runner never would: an edited response.
 */
const question = 'What is a token in a language model? Answer in two sentences.';

/** The lesson's editor and runner, as a learner uses them: replace the program, press Ctrl+Enter, wait. */
class Example {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/lessons/chat-completions');
    await expect(this.page.locator('[data-editor-ready="true"]')).toBeVisible({ timeout: 30_000 });
  }

  get lines() {
    return this.page.locator('.monaco-editor .view-lines').first();
  }

  get status() {
    return this.page.getByTestId('run-status');
  }

  get console() {
    return this.page.getByRole('log', { name: 'Console output' });
  }

  async setCode(code: string) {
    await this.lines.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(code);
  }

  async run() {
    await this.lines.click();
    await this.page.keyboard.press('ControlOrMeta+Enter');
    await expect(this.status).toHaveText(/^(Finished|Failed|Stopped)/, { timeout: 20_000 });
  }
}

test('editing the example and running it passes the challenges, one run at a time', async ({ page }) => {
  const starter = readFileSync('lessons/01-chat-completions/starter.ts', 'utf8');
  const bench = new Example(page);
  await bench.open();
  const cutShort = page.getByRole('article', { name: 'Make the reply stop early' });
  const threeChoices = page.getByRole('article', { name: 'Ask for three choices in one request' });

  // The starter as it is passes nothing.
  await bench.run();
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(cutShort.getByRole('status')).toContainText('Not yet: finish_reason was "stop", not "length".');

  // Task 1: a cap of 10 tokens.
  expect(starter).toContain('max_completion_tokens: 150');
  await bench.setCode(starter.replace('max_completion_tokens: 150', 'max_completion_tokens: 10'));
  await bench.run();
  await expect(bench.console).toContainText('finish_reason: length');
  await expect(cutShort.getByRole('status')).toContainText('Passed: the response came back with finish_reason "length".');
  await expect(threeChoices.getByRole('status')).toContainText('Not yet');

  // Task 2: three choices in one request.
  await bench.setCode(starter.replace('temperature: 0,', 'temperature: 1,\n  n: 3,'));
  await bench.run();
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(threeChoices.getByRole('status')).toContainText('Passed: one request asked for n: 3 and got 3 choices back.');
  // The first challenge stays passed: progress remembers it, though this run did not cut the reply short.
  await expect(cutShort).toContainText('✓ Passed');
  await expect(page.getByRole('group', { name: 'Your progress in this lesson' })).toContainText('2 of 2 challenges passed');
});

async function runThroughProxy(page: Page, request: Record<string, unknown>) {
  const session = await page.request.post('/api/session');
  expect(session.ok()).toBe(true);
  const { token } = (await session.json()) as { token: string };
  const response = await page.request.post('/api/v1/chat/completions', { headers: { authorization: `Bearer ${token}` }, data: request });
  expect(response.status()).toBe(200);
  return { request, status: 200, response: (await response.json()) as { choices: { finish_reason: string }[] } };
}

async function dispatchRun(page: Page, exchanges: unknown[]) {
  await page.evaluate((detail) => window.dispatchEvent(new CustomEvent('tokenwise:run', { detail })), {
    lessonSlug: 'chat-completions',
    runId: `e2e-${Date.now()}`,
    outcome: 'completed',
    exchanges,
  });
}

test('a run that really cut the reply short passes the challenge; an edited response does not', async ({ page }) => {
  await page.goto('/lessons/chat-completions');
  const challenge = page.getByRole('article', { name: 'Make the reply stop early' });
  const status = challenge.getByRole('status');
  await expect(status).toContainText('Edit the example and run it');
  const messages = [
    { role: 'system', content: 'You are a patient tutor. Answer in plain English.' },
    { role: 'user', content: question },
  ];

  // The starter as it is: the reply ends naturally.
  const starter = await runThroughProxy(page, { model: 'gpt-4o-mini', messages, temperature: 0, max_completion_tokens: 150 });
  expect(starter.response.choices[0]!.finish_reason).toBe('stop');
  await dispatchRun(page, [starter]);
  await expect(status).toContainText('Not yet: finish_reason was "stop", not "length".');

  // The same run with its response edited in the page: the server replays the request and is not fooled.
  const forged = structuredClone(starter);
  forged.response.choices[0]!.finish_reason = 'length';
  await dispatchRun(page, [forged]);
  await expect(status).toContainText('Not yet: the server sent the same request again');

  // The task done: a cap of 10 tokens.
  const cut = await runThroughProxy(page, { model: 'gpt-4o-mini', messages, temperature: 0, max_completion_tokens: 10 });
  await dispatchRun(page, [cut]);
  await expect(status).toContainText('Passed: the response came back with finish_reason "length".');
  await expect(challenge).toContainText('✓ Passed');
  const other = page.getByRole('article', { name: 'Ask for three choices in one request' });
  await expect(other.getByRole('status')).toContainText('Not yet: the request asked for n: 1');
  await expect(page.getByRole('group', { name: 'Your progress in this lesson' })).toContainText('1 of 2 challenges passed');

  await page.reload();
  await expect(page.getByRole('article', { name: 'Make the reply stop early' }).getByRole('status')).toContainText('Passed on an earlier run.');
});

test('a run event for another lesson, or a malformed one, changes nothing', async ({ page }) => {
  await page.goto('/lessons/chat-completions');
  const status = page.getByRole('article', { name: 'Make the reply stop early' }).getByRole('status');
  await page.evaluate(() => {
    window.dispatchEvent(new CustomEvent('tokenwise:run', { detail: { lessonSlug: 'another-lesson', exchanges: [] } }));
    window.dispatchEvent(new CustomEvent('tokenwise:run', { detail: 'garbage' }));
  });
  await expect(status).toContainText('Edit the example and run it');
  await dispatchRun(page, []);
  await expect(status).toContainText('That run made no chat completion request');
});
