import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * Lesson 7 as a learner walks it: the example runs the whole tool loop (a call, its result, the answer), a
 * question is answered right, and the solution passes both challenges: a function forced by name, and two calls in
 * one reply (the starter passes neither).
 */
test('the function-calling lesson: run the tool loop, answer a question, pass the challenges with the solution', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open('/lessons/function-calling');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Function calling');

  // The starter: round 1 is a call, round 2 the answer that uses its result.
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('round 1: finish_reason tool_calls, 1 tool call(s)');
  await expect(bench.console).toContainText('get_weather({"city":"Lisbon","unit":"celsius"})');
  await expect(bench.console).toContainText("It's sunny in Lisbon right now, at 17 °C.");
  await expect(bench.errorClass()).toHaveCount(0);

  const named = page.getByRole('article', { name: 'Make the model call the function you name' });
  const parallel = page.getByRole('article', { name: 'Answer a question that needs two calls at once' });
  await expect(named.getByRole('status')).toContainText('Not yet');
  await expect(parallel.getByRole('status')).toContainText('Not yet');

  // One question, answered right.
  const quiz = page.getByRole('region', { name: 'Check your understanding', exact: true });
  const question = quiz.getByRole('form').filter({ hasText: 'in a tool call the model returned' });
  await question.getByRole('radio', { name: 'A string of JSON, which your code parses and checks' }).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toContainText('Correct.');

  // The solution: a forced call (reported with finish_reason stop, run anyway) and two calls in one reply.
  await bench.setCode(readFileSync('lessons/07-function-calling/solution.ts', 'utf8'));
  await bench.runWithShortcut({ timeout: 30_000 });
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('round 1: finish_reason stop, 1 tool call(s)');
  await expect(bench.console).toContainText('Tokyo is in the Asia/Tokyo time zone.');
  await expect(bench.console).toContainText('round 1: finish_reason tool_calls, 2 tool call(s)');
  await expect(bench.console).toContainText('Lisbon is much warmer');
  await expect(named.getByRole('status')).toContainText('Passed');
  await expect(parallel.getByRole('status')).toContainText('Passed');
});
