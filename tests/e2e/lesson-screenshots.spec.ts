import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/**
 * Every lesson, as a laptop and a phone show it, in light and dark: screenshots written to tests/e2e/artifacts/ for
 * people to look at, and axe on each (the editor is loaded on the laptop views, so its colours are checked too).
 */
const ARTIFACTS = 'tests/e2e/artifacts';
const slugs = readdirSync(path.join(process.cwd(), 'lessons'))
  .filter((folder) => /^\d+-/.test(folder))
  .map((folder) => folder.replace(/^\d+-/, ''));

const views = [
  { name: 'laptop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

for (const slug of slugs) {
  test(`lesson ${slug}: light and dark, laptop and phone`, async ({ browser }) => {
    test.setTimeout(120_000);
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const view of views) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: view.viewport, colorScheme });
        const page = await context.newPage();
        await page.goto(`/lessons/${slug}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (view.name === 'laptop')
          await expect(page.locator('[data-editor-ready="true"]')).toBeVisible({ timeout: 30_000 });
        await page.screenshot({ path: `${ARTIFACTS}/lesson-${slug}-${view.name}-${colorScheme}.png` });
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map((v) => `${v.id}: ${v.nodes.length}`),
          `${slug} ${view.name} ${colorScheme}`,
        ).toEqual([]);
        await context.close();
      }
    }
  });
}
