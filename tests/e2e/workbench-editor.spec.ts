import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * The editor's own parts of issue 14: a focus ring you can see, the solution as a diff you can apply (and undo),
 * and TypeScript's errors listed with the run, each leading to its line.
 */
const SOLUTION = readFileSync('lessons/01-chat-completions/solution.ts', 'utf8');
const SAVED = 'tokenwise:code:chat-completions';

/** The editor's text as the page saved it (saving is debounced by 250 ms). */
function saved(page: Page) {
  return page.evaluate((key) => localStorage.getItem(key), SAVED);
}

test('Tab from the toolbar into the editor draws a brand ring around its frame', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open();
  const frame = page.getByTestId('editor-frame');
  const ring = () => frame.evaluate((el) => getComputedStyle(el).boxShadow);
  const before = await ring();
  expect(before).not.toContain('rgb(16, 163, 127)');

  await bench.drill.focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.monaco-editor.focused').first()).toBeVisible();
  await expect.poll(ring).toContain('rgb(16, 163, 127)');
  expect(await ring()).not.toBe(before);

  // Focus elsewhere takes the ring away again.
  await bench.drill.focus();
  await expect.poll(ring).toBe(before);

  // The same brand ring in dark mode (brand-500 is 5.5:1 against the dark panel, 3.1:1 against the light one).
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.keyboard.press('Tab');
  await expect(page.locator('.monaco-editor.focused').first()).toBeVisible();
  await expect.poll(ring).toContain('rgb(16, 163, 127) 0px 0px 0px 2px');
});

test('Show solution is one inline diff with a caption; "Use the solution" replaces the code, and Undo brings it back', async ({
  page,
}) => {
  const bench = new Workbench(page);
  await bench.open();
  await bench.typeAtStart('// mine 7311');
  await expect.poll(() => saved(page)).toContain('// mine 7311');

  await bench.button('Show solution').click();
  const diff = page.getByTestId('solution-diff');
  await expect(diff).toBeVisible();
  await expect(page.getByText(/^Changes from your code to the solution: lines marked − \(red\) go/)).toBeVisible();
  await expect(page.getByText('Your code', { exact: true })).toHaveCount(0);
  // Inline: one editor of lines, none side by side, with both the line that goes and those that come in.
  await expect(diff.locator('.monaco-diff-editor')).not.toHaveClass(/side-by-side/);
  // Not colour alone: the lines that go carry a − and those that come in a +.
  await expect(diff.locator('.codicon-diff-remove').first()).toBeVisible();
  await expect(diff.locator('.codicon-diff-insert').first()).toBeVisible();
  await expect(diff).toContainText('mine 7311');
  await expect(diff).toContainText('Lesson 1, solved');
  mkdirSync('tests/e2e/artifacts', { recursive: true });
  await page.screenshot({ path: 'tests/e2e/artifacts/workbench-solution-diff.png' });

  await page.getByRole('button', { name: 'Use the solution' }).click();
  await expect(diff).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'Replaced your code with the solution. Undo' }),
  ).toBeVisible();
  await expect(page.locator('.monaco-editor.focused').first()).toBeVisible();
  await expect.poll(() => saved(page)).toBe(SOLUTION);
  await expect(bench.lines).toContainText('Lesson 1, solved');

  // One edit: a single Undo in the editor brings the learner's code back whole.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(bench.lines).toContainText('mine 7311');
  await expect.poll(() => saved(page)).toMatch(/^\/\/ mine 7311\n\/\/ Lesson 1: send one conversation/);
});

test('a type error is listed with its line when the program runs, and its button puts the cursor there', async ({
  page,
}) => {
  const bench = new Workbench(page);
  await bench.open();
  await bench.setCode(
    [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      "const messages = [{ role: 'user' as const, content: 'Hi' }];",
      "const r = await client.chat.completions.creat({ model: 'gpt-4o-mini', messages });",
      'console.log(r);',
    ].join('\n'),
  );
  await bench.runWithShortcut();
  const problems = page.getByTestId('type-problems');
  await expect(problems.getByRole('heading')).toHaveText(
    'TypeScript found 1 problem in your code (the run may fail because of it)',
  );
  const line = problems.getByRole('button', { name: /^Line 4: Property 'creat' does not exist/ });
  // In sight right after the run, above its output, without scrolling.
  await expect(line).toBeInViewport();
  await page.screenshot({ path: 'tests/e2e/artifacts/workbench-type-problems.png' });
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).include('[data-testid="type-problems"]').analyze();
    expect(axe.violations.map((v) => `${colorScheme}: ${v.id}`)).toEqual([]);
  }

  // The cursor lands where TypeScript points (the misspelt name): what is typed next goes there.
  await line.click();
  await expect(page.locator('.monaco-editor.focused').first()).toBeVisible();
  await page.keyboard.insertText('HERE');
  await expect
    .poll(async () => (await saved(page))?.split('\n')[3])
    .toBe("const r = await client.chat.completions.HEREcreat({ model: 'gpt-4o-mini', messages });");

  // A program without errors clears the list on its run.
  await bench.setCode("console.log('fine 8412');");
  await bench.runWithShortcut();
  await expect(bench.console).toContainText('fine 8412');
  await expect(problems).toHaveCount(0);
});
