import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * Lesson 4 as a learner walks it: the example streams a reply into the console, a question is answered right, and
 * the solution passes the challenge that asks for usage at the end of a stream (and the starter does not).
 */
test('the streaming lesson: run the example, answer a question, pass a challenge with the solution', async ({
  page,
}) => {
  // Several streamed or long runs on a shared machine: more than the default minute.
  test.setTimeout(120_000);
  const bench = new Workbench(page);
  await bench.open('/lessons/streaming');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Streaming');

  // The starter streams the recorded reply and reports how it ended, with no error.
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('A model writes its reply one token at a time');
  await expect(bench.console).toContainText('72 chunks');
  await expect(bench.console).toContainText('finish_reason: stop');
  await expect(bench.errorClass()).toHaveCount(0);

  const usageChallenge = page.getByRole('article', { name: 'Get usage from a stream' });
  await expect(usageChallenge.getByRole('status')).toContainText('Not yet');

  // One question, answered right.
  const quiz = page.getByRole('region', { name: 'Check your understanding', exact: true });
  const question = quiz.getByRole('form').filter({ hasText: 'On which chunk do you find the' });
  await question
    .getByRole('radio', { name: 'The last chunk that still has a choice, just before the usage chunk.' })
    .check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toContainText('Correct.');

  // The solution: usage arrives on the last chunk, and the challenge passes on the server's re-check.
  await bench.setCode(readFileSync('lessons/04-streaming/solution.ts', 'utf8'));
  await bench.runWithShortcut({ timeout: 30_000 });
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('usage:');
  await expect(bench.console).toContainText('none (cut short)');
  await expect(usageChallenge.getByRole('status')).toContainText('Passed');
  await expect(
    page.getByRole('article', { name: 'Stream two replies at once' }).getByRole('status'),
  ).toContainText('Passed');
});
