import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * "On this page" beside a long lesson: collapsed at first on every screen (one tap or Enter opens it), the lesson's
 * sections in page order with links that land below the bar, and the section being read marked (aria-current and
 * the summary's label) as the page scrolls. Axe-clean with the list open, light and dark.
 */
const SLUG = 'chat-completions';
const onThisPage = (page: Page) => page.getByRole('navigation', { name: 'On this page' });

/** The page's own sections (lesson sections and the notes), in document order, as the reader meets them. */
async function pageSections(page: Page) {
  return page.locator('main section[id]').evaluateAll((sections) =>
    sections
      .filter((section) => section.getAttribute('aria-labelledby') === `${section.id}-title`)
      .map((section) => ({
        id: section.id,
        title: document.getElementById(`${section.id}-title`)?.textContent?.trim() ?? '',
      })),
  );
}

/** Scrolls as a reader would (no anchor): the section's heading a little below the top of the window. */
async function scrollTo(page: Page, id: string) {
  await page.evaluate((target) => {
    const top = document.getElementById(target)!.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: top - 160, behavior: 'instant' });
  }, id);
}

const views = [
  { name: 'laptop', viewport: { width: 1440, height: 900 }, touch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
] as const;

for (const view of views) {
  test.describe(`at ${view.viewport.width}×${view.viewport.height}`, () => {
    test.use({ viewport: view.viewport, isMobile: view.touch, hasTouch: view.touch });

    test('lists the sections in order, collapsed at first, with links that work', async ({ page }) => {
      await page.goto(`/lessons/${SLUG}`);
      const nav = onThisPage(page);
      const summary = nav.locator('summary');
      await expect(summary).toHaveText(/^On this page/);
      const links = nav.getByRole('link');
      await expect(links.first()).toBeHidden();

      if (view.touch) await summary.tap();
      else await summary.click();
      await expect(links.first()).toBeVisible();

      const sections = await pageSections(page);
      expect(sections.length).toBeGreaterThanOrEqual(5);
      expect(sections.map((s) => s.id)).toContain('check');
      expect(sections.at(-1)?.id).toBe('notes');
      await expect(links).toHaveText(sections.map((s) => s.title));
      expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))).toEqual(
        sections.map((s) => `#${s.id}`),
      );

      // A jump lands on the section with its heading in sight (not under the bar), closes the list and marks it.
      await links.filter({ hasText: /^Cost$/ }).click();
      await expect(page).toHaveURL(/#cost$/);
      const heading = page.locator('#cost-title');
      await expect(heading).toBeInViewport();
      await expect(links.first()).toBeHidden();
      const bar = (await summary.boundingBox())!;
      if (view.name === 'laptop') {
        // Wide screens: the bar stays at the top of the window and names the section being read.
        expect(bar.y).toBeGreaterThanOrEqual(56);
        expect(bar.y).toBeLessThan(80);
        await expect(summary).toContainText('Cost');
      }
      expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(bar.y + bar.height);
      await expect(nav.locator('a[aria-current="location"]')).toHaveText(['Cost']);
    });

    test('marks the section being read as the page scrolls', async ({ page }) => {
      await page.goto(`/lessons/${SLUG}`);
      const nav = onThisPage(page);
      const current = nav.locator('a[aria-current="location"]');
      for (const [id, title] of [
        ['explanation', 'Explanation'],
        ['error-recovery', 'Error recovery'],
        ['check', 'Check your understanding'],
        ['rate-limits', 'Rate limits'],
      ] as const) {
        await scrollTo(page, id);
        await expect(current).toHaveText([title]);
      }
      // The marker is visible, not only announced: the current entry is styled apart from the others.
      const look = (name: string) =>
        nav
          .locator('a', { hasText: new RegExp(`^${name}$`) })
          .evaluate((a) => `${getComputedStyle(a).fontWeight} ${getComputedStyle(a).borderLeftColor}`);
      expect(await look('Rate limits')).not.toBe(await look('Cost'));
    });
  });
}

test('keeps marking sections after moving to the next lesson inside the app', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/lessons/${SLUG}`);
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.getByRole('link', { name: /Next lesson/ }).click();
  await expect(page).toHaveURL(/\/lessons\/conversations$/);
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true); // a client-side move, not a reload
  await scrollTo(page, 'gotcha');
  await expect(onThisPage(page).locator('a[aria-current="location"]')).toHaveText(['Common gotcha']);
});

test.describe('keyboard and axe', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('opens with Enter, Tab reaches the links, Escape closes it and returns focus', async ({ page }) => {
    await page.goto(`/lessons/${SLUG}`);
    const nav = onThisPage(page);
    const summary = nav.locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: 'What you will learn' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(summary).toBeFocused();
    await expect(nav.getByRole('link').first()).toBeHidden();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const viewport of [views[0].viewport, views[1].viewport]) {
      test(`no axe violations with the list open (${colorScheme}, ${viewport.width} px)`, async ({
        browser,
      }) => {
        const context = await browser.newContext({ viewport, colorScheme });
        const page = await context.newPage();
        await page.goto(`/lessons/${SLUG}`);
        const nav = onThisPage(page);
        await scrollTo(page, 'cost');
        await expect(nav.locator('a[aria-current="location"]')).toHaveText(['Cost']);
        await nav.locator('summary').click();
        await expect(nav.getByRole('link').first()).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
          [],
        );
        await context.close();
      });
    }
  }
});
