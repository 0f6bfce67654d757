import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * Lesson 9 as a learner walks it: the example's two turns go through the Responses API (the second continued by
 * `previous_response_id`, so its input grows and its instructions are gone), a question is answered right, and the
 * solution passes both challenges (a response cut at its cap; an unstored response that cannot be continued).
 */
test('the Responses API lesson: run the example, answer a question, pass the challenges with the solution', async ({
  page,
}) => {
  const bench = new Workbench(page);
  await bench.open('/lessons/responses-api');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('The Responses API');

  // The starter: turn 2 sends only its question, yet reads turn 1 again; its instructions were not carried over.
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText(
    'A context window is the most tokens a model can take in one request',
  );
  await expect(bench.console).toContainText('instructions on turn 2: null');
  await expect(bench.console).toContainText('input_tokens, turn 1 then turn 2: 32 85');
  await expect(bench.errorClass()).toHaveCount(0);

  const cutShort = page.getByRole('article', { name: 'Make a response stop at its cap' });
  const unstored = page.getByRole('article', { name: 'See that an unstored response cannot be continued' });
  await expect(cutShort.getByRole('status')).toContainText('Not yet');
  await expect(unstored.getByRole('status')).toContainText('Not yet');

  // One question, answered right.
  const quiz = page.getByRole('region', { name: 'Check your understanding', exact: true });
  const question = quiz.getByRole('form').filter({ hasText: 'You create a response with' });
  await question.getByRole('radio', { name: /A 400 `?BadRequestError`?/ }).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toContainText('Correct.');

  // The solution: instructions sent again, a one-off unstored response cut at 16 tokens, and the 400 continuing it.
  await bench.setCode(readFileSync('lessons/09-responses-api/solution.ts', 'utf8'));
  await bench.runWithShortcut({ timeout: 30_000 });
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('input_tokens, turn 1 then turn 2: 32 104');
  await expect(bench.console).toContainText(
    "status: incomplete | incomplete_details: { reason: 'max_output_tokens' }",
  );
  await expect(bench.console).toContainText(
    'Cannot continue an unstored response: 400 previous_response_not_found',
  );
  await expect(cutShort.getByRole('status')).toContainText('Passed');
  await expect(unstored.getByRole('status')).toContainText('Passed');
});
