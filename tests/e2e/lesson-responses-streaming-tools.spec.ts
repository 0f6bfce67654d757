import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * Lesson 10 as a learner walks it: the example streams a function call as typed events (numbered, ending in
 * response.completed) and runs the function; a question is answered right; the solution answers the call by its
 * call_id with previous_response_id, streams the answer as text and gets a JSON card, passing all three challenges.
 */
test('the Responses streaming and tools lesson: run the example, answer a question, pass the challenges', async ({
  page,
}) => {
  const bench = new Workbench(page);
  await bench.open('/lessons/responses-streaming-tools');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Responses: streaming events');

  // The starter: the stream's events, in order, then the function call it asked for.
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('#0 response.created');
  await expect(bench.console).toContainText('response.function_call_arguments.delta');
  await expect(bench.console).toContainText('#11 response.completed');
  await expect(bench.console).toContainText('result: {"city":"Lisbon","temp_c":17,"sky":"sunny"}');
  await expect(bench.console).toContainText('output item types: function_call');
  await expect(bench.errorClass()).toHaveCount(0);

  const titles = [
    "Send the function's result back",
    'Stream the answer as text',
    'Get the weather card as JSON',
  ];
  const challenges = titles.map((name) => page.getByRole('article', { name }));
  for (const challenge of challenges) await expect(challenge.getByRole('status')).toContainText('Not yet');

  // One question, answered right.
  const quiz = page.getByRole('region', { name: 'Check your understanding', exact: true });
  const question = quiz.getByRole('form').filter({ hasText: 'What goes in the' });
  await question.getByRole('radio', { name: /call_34/ }).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toContainText('Correct.');

  // The solution: the result sent back by call_id, the answer streamed as text, and the JSON weather card.
  await bench.setCode(readFileSync('lessons/10-responses-streaming-tools/solution.ts', 'utf8'));
  await bench.runWithShortcut({ timeout: 30_000 });
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText("It's sunny in Lisbon today, at 17 °C");
  await expect(bench.console).toContainText('advice: A light jacket is enough; take sunglasses.');
  for (const challenge of challenges) await expect(challenge.getByRole('status')).toContainText('Passed');
});
