import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * Lesson 5 as a learner walks it: the example sends a long prompt twice with the time at the top (no cache hit), a
 * question is answered right, and the solution (time at the end, a budget guard) passes the cache-hit challenge.
 */
test('the tokens-and-cost lesson: run the example, answer a question, pass a challenge with the solution', async ({
  page,
}) => {
  // Several streamed or long runs on a shared machine: more than the default minute.
  test.setTimeout(120_000);
  const bench = new Workbench(page);
  await bench.open('/lessons/tokens-and-cost');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Tokens and cost');

  // The starter: two answers from the recorded table, each with its counts, and no cache hit.
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('costs 10.80 EUR');
  await expect(bench.console).toContainText('estimated prompt tokens:');
  await expect(bench.console).toContainText('cached_tokens: 0');
  await expect(bench.console).not.toContainText(/cached_tokens: [1-9]/);
  await expect(bench.errorClass()).toHaveCount(0);

  const cacheHit = page.getByRole('article', { name: 'Get a cache hit on the second call' });
  await expect(cacheHit.getByRole('status')).toContainText('Not yet');

  // One question, answered right.
  const quiz = page.getByRole('region', { name: 'Check your understanding', exact: true });
  const question = quiz.getByRole('form').filter({ hasText: 'both calls report' });
  await question
    .getByRole('radio', {
      name: 'The current time at the top makes every prompt different from its first tokens on.',
    })
    .check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toContainText('Correct.');

  // The solution: the guard refuses a small budget before sending, and the second call is served from the cache.
  await bench.setCode(readFileSync('lessons/05-tokens-and-cost/solution.ts', 'utf8'));
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('Refused before sending');
  await expect(bench.console).toContainText(/cached_tokens: (1[0-9]{3}|[2-9][0-9]{3})/);
  await expect(cacheHit.getByRole('status')).toContainText('Passed');
  await expect(
    page.getByRole('article', { name: 'Give the guard a worst case' }).getByRole('status'),
  ).toContainText('Passed');
});
