import { expect, test, type Page } from '@playwright/test';

/**
 * Phones: every page fits the screen's width (no sideways scroll), with the editor loaded where there is one.
 * The header's search button is an icon there, still named "Search" for screen readers.
 */
const PAGES = ['/', '/lessons/chat-completions', '/playground', '/settings'];

/** How far the page is wider than the screen. Measured against the set width: a phone may widen its layout viewport. */
async function overflow(page: Page): Promise<number> {
  const width = page.viewportSize()!.width;
  return page.evaluate((w) => Math.max(document.documentElement.scrollWidth, window.innerWidth) - w, width);
}

for (const width of [360, 390]) {
  test.describe(`at ${width}×844`, () => {
    test.use({ viewport: { width, height: 844 }, isMobile: true, hasTouch: true });

    for (const path of PAGES) {
      test(`${path} has no horizontal overflow`, async ({ page }) => {
        await page.goto(path);
        const search = page.getByRole('button', { name: 'Search' });
        await expect(search).toBeVisible();
        // The word is there for assistive technology only; the button is the icon's width.
        expect((await search.boundingBox())!.width).toBeLessThan(48);
        expect(await overflow(page)).toBe(0);
        if (await page.locator('[data-editor-state]').count()) {
          // Scroll the editor into view so it loads, then measure again with Monaco and the output panel there.
          await page.locator('[data-editor-state]').first().scrollIntoViewIfNeeded();
          await expect(page.locator('[data-editor-ready="true"]')).toBeVisible({ timeout: 30_000 });
          expect(await overflow(page)).toBe(0);
        }
      });
    }
  });
}

