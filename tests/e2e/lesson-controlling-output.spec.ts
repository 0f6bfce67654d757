import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * Lesson 3 as a learner walks it: the example returns three choices, a pinned run is compared with a run at
 * temperature 0, a question is answered right, and the solution passes the three challenges (the starter none).
 */
test('the controlling-output lesson: run, compare two runs, answer a question, pass the challenges', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open('/lessons/controlling-output');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Controlling output');
  const starter = readFileSync('lessons/03-controlling-output/starter.ts', 'utf8');

  // The starter: one request, n: 3, three choices printed with their finish_reason.
  await bench.runWithShortcut();
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('0: ');
  await expect(bench.console).toContainText('2: ');
  await expect(bench.console).toContainText('[stop]');
  await expect(bench.errorClass()).toHaveCount(0);

  const challenges = ['Make a run repeatable', 'Cut a reply at a stop sequence', "Get a reasoning model's refusal, then fix the request"];
  for (const name of challenges) {
    await expect(page.getByRole('article', { name }).getByRole('status')).toContainText('Not yet');
  }

  // Compare runs: pin this run, change two settings, run again; the view names what changed.
  await page.getByRole('button', { name: 'Pin to compare' }).click();
  expect(starter).toContain('temperature: 1,');
  expect(starter).toContain('n: 3,');
  await bench.setCode(starter.replace('temperature: 1,', 'temperature: 0,').replace('n: 3,', 'n: 1,'));
  await bench.runWithShortcut();
  const compare = page.getByTestId('compare-view');
  await expect(compare).toBeVisible();
  await expect(compare).toContainText('temperature');
  await expect(compare).toContainText('Fixed today, riding tomorrow.'); // the temperature-0 tagline

  // One question, answered right.
  const quiz = page.getByRole('region', { name: 'Check your understanding', exact: true });
  const question = quiz.getByRole('form').filter({ hasText: 'Replies vary too much from run to run' });
  await question.getByRole('radio', { name: 'Lower temperature (say to 0) and leave top_p at its default.' }).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toContainText('Correct.');

  // The solution: a repeatable pair, a list cut at "4.", and gpt-5-mini's 400 caught and fixed.
  await bench.setCode(readFileSync('lessons/03-controlling-output/solution.ts', 'utf8'));
  await bench.runWithShortcut({ timeout: 30_000 });
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('same text twice: true');
  await expect(bench.console).toContainText('3. Rinse off the degreaser');
  await expect(bench.console).not.toContainText('4. Put one drop');
  await expect(bench.console).toContainText("400 temperature unsupported_value");
  for (const name of challenges) {
    await expect(page.getByRole('article', { name }).getByRole('status')).toContainText('Passed');
  }
});
