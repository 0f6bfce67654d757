import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * Lesson 6 as a learner walks it: the example answers and prints the rate-limit headers the proxy sent, a question
 * is answered right, and the solution passes both challenges: with the 429 drill, one attempt handled by hand (the
 * starter, whose SDK retries the same request, does not); with the flaky drill, a retry policy that outlasts it.
 */
test('the errors lesson: run the example, answer a question, pass both drill challenges with the solution', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open('/lessons/errors-and-retries');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Errors, retries and rate limits');

  // The starter: the recorded answer, a request id and the x-ratelimit-* headers of the runner's own limits.
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('Because the failure is often caused by the server being overloaded');
  await expect(bench.console).toContainText(/x-ratelimit-remaining-requests: \d+/);
  await expect(bench.errorClass()).toHaveCount(0);

  // One question, answered right.
  const quiz = page.getByRole('region', { name: 'Check your understanding', exact: true });
  const question = quiz.getByRole('form').filter({ hasText: 'You port it to Node' });
  await question.getByRole('radio', { name: /Each attempt gets 30 ms/ }).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toContainText('Correct.');

  const retriesOff = page.getByRole('article', { name: 'Turn retries off and handle the 429 yourself' });

  // With the 429 drill the starter's one call is tried three times by the SDK: not the challenge yet.
  await bench.drill.selectOption('429');
  await bench.runWithShortcut();
  await expect(bench.console).toContainText('429 rate_limit_exceeded');
  await expect(retriesOff.getByRole('status')).toContainText('Not yet');

  // The solution: one call with maxRetries: 0, handled in its catch block; the main call gives up after 5 attempts.
  // A drill lasts one run, so it is picked again.
  await bench.setCode(readFileSync('lessons/06-errors-and-retries/solution.ts', 'utf8'));
  await bench.drill.selectOption('429');
  await bench.runWithShortcut({ timeout: 30_000 });
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('One attempt, no retries: 429 rate_limit_exceeded');
  await expect(bench.console).toContainText('Gave up: 429 rate_limit_exceeded');
  await expect(retriesOff.getByRole('status')).toContainText('Passed');

  // The flaky drill fails the run's first three calls: the solution's own retries outlast them.
  const flaky = page.getByRole('article', { name: 'Outlast a flaky rate limit with your own retries' });
  await bench.drill.selectOption('flaky');
  await bench.runWithShortcut({ timeout: 30_000 });
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('attempt 2 failed (429)');
  await expect(bench.console).toContainText('Because the failure is often caused by the server being overloaded');
  await expect(flaky.getByRole('status')).toContainText('Passed');
});
