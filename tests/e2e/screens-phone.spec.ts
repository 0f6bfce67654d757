import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Workbench } from './pages/workbench';

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
          // Scroll the editor into view so it loads (the playground's waits for a tap), then measure again with
          // Monaco and the output panel there.
          await page.locator('[data-editor-state]').first().scrollIntoViewIfNeeded();
          await new Workbench(page).ready();
          expect(await overflow(page)).toBe(0);
        }
      });
    }
  });
}

test.describe('the playground on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('loads the editor when the learner taps it, not before, and its starter runs', async ({ page }) => {
    const monaco: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/generated/editor/')) monaco.push(request.url());
    });
    await page.goto('/playground');
    const placeholder = page.locator('[data-editor-state="waiting"]');
    await expect(placeholder).toContainText('Tap to edit and run');
    await page.waitForLoadState('networkidle');
    expect(monaco).toEqual([]);
    await placeholder.getByRole('group', { name: /Code editor/ }).tap();
    const bench = new Workbench(page);
    await bench.ready();
    await bench.run.tap();
    await expect(bench.status).toHaveText(/^Finished/, { timeout: 30_000 });
    // The starter makes a request and prints the reply: the sandbox's, labelled as the sandbox elsewhere.
    await expect(bench.console).toContainText(/\w/);
  });
});

test.describe('a lesson on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the example follows "The example" in reading order, a link near the top jumps to it, no keyboard hints', async ({
    page,
  }) => {
    await page.goto('/lessons/chat-completions');
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'touch is emulated').toBe(
      true,
    );

    // DOM (and so reading and Tab) order: the section "The example", then the example panel, then the next section.
    const order = await page.evaluate(() => {
      const example = document.getElementById('example')!;
      const workbench = document.getElementById('workbench')!;
      const quiz = document.getElementById('check');
      const follows = (a: Node, b: Node) =>
        Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      return {
        afterExample: follows(example, workbench),
        beforeQuiz: quiz ? follows(workbench, quiz) : null,
        next: workbench.nextElementSibling?.querySelector('section')?.id ?? null,
        previous: example.parentElement?.lastElementChild === example,
      };
    });
    expect(order).toEqual({ afterExample: true, beforeQuiz: true, next: expect.any(String), previous: true });

    const jump = page.getByRole('link', { name: 'Jump to the example' });
    await expect(jump).toBeInViewport();
    await jump.tap();
    await expect(page.locator('#workbench')).toBeInViewport();
    await expect(page.locator('[data-editor-ready="true"]')).toBeVisible({ timeout: 30_000 });
    // Touch: the Run button and the output say nothing about Ctrl+Enter or Tab.
    const hints = page.locator('#workbench').getByText(/Ctrl\+|⌘|Keyboard:/);
    for (const hint of await hints.all()) await expect(hint).toBeHidden();
    expect(await page.getByTestId('run-status').evaluate((el) => (el as HTMLElement).innerText)).toBe(
      'Press Run.',
    );
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a lesson at 390×844 with the editor loaded: no axe violations, screenshot (${colorScheme})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      colorScheme,
    });
    const page = await context.newPage();
    await page.goto('/lessons/chat-completions');
    await page.getByRole('link', { name: 'Jump to the example' }).tap();
    await expect(page.locator('[data-editor-ready="true"]')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('toolbar', { name: 'Program' }).getByRole('button', { name: /^Run/ }).tap();
    await expect(page.getByTestId('run-status')).toHaveText(/^Finished/, { timeout: 30_000 });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    mkdirSync('tests/e2e/artifacts', { recursive: true });
    await page.screenshot({ path: `tests/e2e/artifacts/screens-lesson-390-${colorScheme}.png` });
    await page.goto('/lessons/chat-completions');
    await page.screenshot({ path: `tests/e2e/artifacts/screens-lesson-390-top-${colorScheme}.png` });
    await context.close();
  });
}
