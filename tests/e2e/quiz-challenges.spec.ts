import { expect, test, type Page } from '@playwright/test';

/**
 * Challenges are passed by what a run of the example received. The runner reports each run with a `tokenwise:run`
 * event; here the run is made the same way, through the app's own proxy with a runner token, and the event is
 * dispatched as the runner does it. The server re-checks the exchange by replaying the request.
 */
const question = 'What is a token in a language model? Answer in two sentences.';

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
    outcome: 'ok',
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
