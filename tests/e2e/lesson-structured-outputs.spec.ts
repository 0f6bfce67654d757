import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * Lesson 8 as a learner walks it: the JSON-mode example prints a ticket, a question is answered right, the starter
 * crashes on the refusal drill, and the solution passes both challenges: a strict json_schema ticket from parse(),
 * and the refusal printed instead of crashing.
 */
test('the structured-outputs lesson: run the example, answer a question, pass the challenges with the solution', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open('/lessons/structured-outputs');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Structured outputs');

  // The starter: JSON mode, the recorded ticket.
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('finish_reason: stop');
  await expect(bench.console).toContainText('high defect ticket for Trail 40 backpack');
  await expect(bench.errorClass()).toHaveCount(0);

  const typed = page.getByRole('article', { name: 'Get a typed ticket out with parse()' });
  const refusal = page.getByRole('article', { name: 'Handle a refusal' });
  await expect(typed.getByRole('status')).toContainText('Not yet');

  // One question, answered right.
  const quiz = page.getByRole('region', { name: 'Check your understanding', exact: true });
  const question = quiz.getByRole('form').filter({ hasText: 'What does that promise about the reply?' });
  await question.getByRole('radio', { name: /It parses as JSON/ }).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toContainText('Correct.');

  // With the refusal drill the starter parses a null content and fails: the mistake the lesson is about.
  await bench.drill.selectOption('refusal');
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Failed/);
  await expect(refusal.getByRole('status')).toContainText('Not yet');

  // The solution: a strict schema through parse(), then the same with the refusal drill (a drill lasts one run).
  await bench.setCode(readFileSync('lessons/08-structured-outputs/solution.ts', 'utf8'));
  await bench.runWithShortcut({ timeout: 30_000 });
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('high defect ticket for Trail 40 backpack (order A-10442)');
  await expect(typed.getByRole('status')).toContainText('Passed');

  await bench.drill.selectOption('refusal');
  await bench.runWithShortcut({ timeout: 30_000 });
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('The model declined to make a ticket:');
  await expect(refusal.getByRole('status')).toContainText('Passed');
});
