import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * A run that passes a challenge says so in the output panel, beside the run's status, in one live region; the
 * challenge cards in the quiz show their own result without announcing it a second time.
 */
test.use({ viewport: { width: 1440, height: 900 } });

test('"Challenge passed" appears beside the output when a run passes one', async ({ page }) => {
  const starter = readFileSync('lessons/01-chat-completions/starter.ts', 'utf8');
  expect(starter).toContain('max_completion_tokens: 150');
  const bench = new Workbench(page);
  await bench.open();
  const verdict = page.getByTestId('challenge-verdict');
  await expect(verdict).toHaveAttribute('role', 'status');
  await expect(verdict).toHaveText('');

  // The starter passes nothing: the verdict says which challenges are still open.
  await bench.run.click();
  await expect(bench.status).toHaveText(/^Finished/, { timeout: 30_000 });
  await expect(verdict).toContainText('No challenge passed by this run. Not yet: Make the reply stop early');

  // A cap of 10 tokens cuts the reply short: the first challenge passes, and the panel says so in view.
  await bench.setCode(starter.replace('max_completion_tokens: 150', 'max_completion_tokens: 10'));
  await bench.run.click();
  await expect(verdict).toContainText('Challenge passed: Make the reply stop early.', { timeout: 30_000 });
  await expect(verdict).toBeInViewport();
  await expect(verdict.getByRole('link', { name: 'Make the reply stop early' })).toHaveAttribute(
    'href',
    /^#quiz-/,
  );
  const card = page.getByRole('article', { name: 'Make the reply stop early' });
  await expect(card.getByRole('status')).toContainText('Passed');
  // The card's line is not a second announcement of the same result.
  await expect(card.getByRole('status')).toHaveAttribute('aria-live', 'off');
});
