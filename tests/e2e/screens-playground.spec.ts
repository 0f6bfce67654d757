import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/** The playground's headings go down one level at a time; each lesson shares its own title in previews. */
for (const colorScheme of ['light', 'dark'] as const) {
  test(`the playground passes axe, heading order included, with the editor loaded (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    const bench = new Workbench(page);
    await bench.open('/playground');
    await bench.renderedWithTheme(colorScheme);
    const levels = await page
      .locator('main')
      .locator('h1, h2, h3, h4')
      .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });
}

test('a lesson page has its own Open Graph and Twitter title', async ({ page }) => {
  await page.goto('/lessons/conversations');
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.replace(/\u200b/g, '').trim();
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', `${title} · Tokenwise`);
  await expect(page.locator('meta[name="twitter:title"]')).toHaveAttribute('content', `${title} · Tokenwise`);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute(
    'content',
    /\/lessons\/conversations$/,
  );
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/og\.png$/);
});
