import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * The editor never traps the wheel: once it is scrolled to its last line, scrolling on over it moves the page
 * (Monaco's `alwaysConsumeMouseWheel: false`), so a learner reading down the lesson is not stuck at the editor.
 */
test.use({ viewport: { width: 1440, height: 900 } });

test('the wheel over the editor scrolls the page once the editor is at its end', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open('/lessons/chat-completions');
  const box = (await bench.lines.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height, 200) / 2);
  const editorTop = () =>
    page.locator('.monaco-editor .monaco-scrollable-element').first().evaluate((el) => {
      const lines = el.querySelector('.lines-content') as HTMLElement | null;
      return lines ? -parseFloat(lines.style.top || '0') : 0;
    });
  // Scroll the editor to its end (it holds more lines than it shows), then on: the page must move.
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 400);
  await expect.poll(editorTop).toBeGreaterThan(0);
  const before = await page.evaluate(() => window.scrollY);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 400);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
});
