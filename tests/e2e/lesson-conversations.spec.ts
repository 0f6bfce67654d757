import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * Lesson 2 as a learner walks it: the example holds a three-turn conversation whose prompt grows each turn, a
 * question is answered right, and the solution passes both challenges (the starter passes neither).
 */
test('the conversations lesson: run the example, answer a question, pass the challenges with the solution', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open('/lessons/conversations');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Conversations and roles');

  // The starter: three requests, each resending the history, so prompt_tokens grows; turn 3 remembers turn 1.
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('Turn 1: sent 2 messages, prompt_tokens 42');
  await expect(bench.console).toContainText('Turn 3: sent 6 messages, prompt_tokens 114');
  await expect(bench.console).toContainText('I suggested "Slow Rise"');
  await expect(bench.errorClass()).toHaveCount(0);

  const fourthTurn = page.getByRole('article', { name: 'Ask a question only the history can answer' });
  const developer = page.getByRole('article', { name: 'Start a short conversation with developer instructions' });
  await expect(fourthTurn.getByRole('status')).toContainText('Not yet');
  await expect(developer.getByRole('status')).toContainText('Not yet');

  // One question, answered right.
  const quiz = page.getByRole('region', { name: 'Check your understanding', exact: true });
  const question = quiz.getByRole('form').filter({ hasText: 'The user has asked two questions' });
  await question.getByRole('radio', { name: '[system, user₁, assistant₁, user₂, assistant₂, user₃]' }).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toContainText('Correct.');

  // The solution: a fourth turn carrying the whole history, then a fresh two-message conversation.
  await bench.setCode(readFileSync('lessons/02-conversations/solution.ts', 'utf8'));
  await bench.runWithShortcut({ timeout: 30_000 });
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('Turn 4: sent 8 messages, prompt_tokens 158');
  await expect(bench.console).toContainText('Fresh conversation: sent 2 messages, prompt_tokens 69');
  await expect(fourthTurn.getByRole('status')).toContainText('Passed');
  await expect(developer.getByRole('status')).toContainText('Passed');
});
