import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * On a phone the output is read far below the toolbar: a compact Run and drill bar stays at the bottom of the screen
 * while the output is in view, so the next run (or drill) needs no trip back up. Never on a laptop, never a
 * duplicate of the toolbar's names, and no keyboard hints on touch.
 */
test.describe('a lesson on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('with the output in view, the compact bar runs again with the drill picked there; no keyboard hints', async ({
    page,
  }) => {
    const bench = new Workbench(page);
    await page.goto('/lessons/chat-completions');
    await page.locator('[data-editor-state]').scrollIntoViewIfNeeded();
    await bench.ready();

    // Touch: no Ctrl+Enter on the Run button, no keyboard paragraph, no hint in the status.
    const hints = page.locator('#workbench').getByText(/Ctrl\+|⌘|Keyboard:/);
    expect(await hints.count()).toBeGreaterThan(0);
    for (const hint of await hints.all()) await expect(hint).toBeHidden();

    const compact = page.getByRole('toolbar', { name: 'Run (compact)' });
    // While the toolbar is on screen the bar keeps its place but shows nothing (no second Run to Tab through).
    await bench.run.scrollIntoViewIfNeeded();
    await expect(compact).toBeHidden();

    await bench.run.tap();
    await expect(bench.status).toHaveText(/^Finished/, { timeout: 30_000 });

    // Read the output: the toolbar goes off the top, and the compact bar is at hand at the bottom.
    await page.getByTestId('output-panel').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect(bench.run).not.toBeInViewport();
    await expect(compact).toBeVisible();
    const run = compact.getByRole('button', { name: 'Run' });
    await expect(run).toBeInViewport();
    await expect(compact.getByRole('button')).toHaveCount(1);
    const box = (await compact.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844 + 1);
    expect(box.y).toBeGreaterThan(844 - 120);
    const axe = await new AxeBuilder({ page }).include('[data-testid="compact-run-bar"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    mkdirSync('tests/e2e/artifacts', { recursive: true });
    await page.screenshot({ path: 'tests/e2e/artifacts/workbench-phone-compact-bar.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'tests/e2e/artifacts/workbench-phone-compact-bar-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });

    // At the end of the example the bar sits below the output, never over its last lines.
    await page.locator('[data-editor-ready]').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const panel = (await page.getByTestId('output-panel').boundingBox())!;
    const bar = (await compact.boundingBox())!;
    expect(bar.y).toBeGreaterThanOrEqual(panel.y + panel.height - 1);

    // Pick a drill in the bar and run from it: a new run, failing as the drill says; the toolbar's picker agrees.
    await page.getByTestId('output-panel').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const drill = compact.getByRole('combobox', { name: 'Drill for the next run' });
    await drill.selectOption('401');
    await expect(bench.drill).toHaveValue('401');
    await run.tap();
    await expect(bench.status).toHaveText(/^Failed/, { timeout: 30_000 });
    await expect(bench.errorClass()).toContainText('AuthenticationError');
    await expect(drill).toHaveValue('none');
  });
});

test.describe('on a 1440×900 laptop', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('there is no compact bar: the toolbar never leaves the screen', async ({ page }) => {
    const bench = new Workbench(page);
    await bench.open();
    await bench.runWithShortcut();
    const compact = page.locator('[data-testid="compact-run-bar"]');
    await expect(compact).toHaveCount(1);
    await expect(compact).toBeHidden();
    await expect(bench.run).toBeInViewport();
  });
});
