import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * A 1440×900 laptop: after Run, the run's status and the console's first line are on screen without scrolling,
 * and the output scrolls in its own area below the editor while the editor and Run stay in sight.
 */
const ARTIFACTS = 'tests/e2e/artifacts';
test.use({ viewport: { width: 1440, height: 900 } });

test('after Ctrl+Enter the status and the first line of output are in view, and the editor stays', async ({
  page,
}) => {
  const bench = new Workbench(page);
  await bench.open();
  await bench.focus();
  await page.keyboard.press('Control+Enter');
  // Feedback at once, even while the first run compiles against the SDK's types.
  await expect(bench.status).toHaveText(/^(Preparing|Running)…$/, { timeout: 500 });
  await expect(bench.status).toHaveText(/^Finished in \d+ ms/, { timeout: 30_000 });
  await expect(bench.status).toBeInViewport();
  const firstLine = bench.console.locator('span').first();
  await expect(firstLine).toContainText('A token is');
  await expect(firstLine).toBeInViewport();

  // The column never scrolls the page away from the editor: reading to the end of the output keeps Run in sight.
  const area = page.locator('[data-output-scroll]');
  const scrollable = await area.evaluate((el) => el.scrollHeight > el.clientHeight);
  expect(scrollable, 'the output area scrolls on its own').toBe(true);
  await area.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByTestId('usage-summary')).toBeInViewport();
  await expect(bench.run).toBeInViewport();
  await expect(bench.lines).toBeInViewport();
  // The console is not a scroll box of its own inside that area.
  expect(await bench.console.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  // A new run brings its status and first lines back to the top of the area.
  await bench.run.click();
  await expect(bench.status).toHaveText(/^Finished in \d+ ms/, { timeout: 30_000 });
  await expect(firstLine).toBeInViewport();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the lesson after a run: no axe violations, screenshot (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const bench = new Workbench(page);
    await bench.open();
    await bench.renderedWithTheme(colorScheme);
    await bench.run.click();
    await expect(bench.status).toHaveText(/^Finished in \d+ ms/, { timeout: 30_000 });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/screens-lesson-1440-${colorScheme}.png` });
  });
}
