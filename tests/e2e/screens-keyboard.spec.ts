import { expect, test, type Locator, type Page } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * Keyboard and screen reader: Run is a few Tab stops from the top of a lesson, focus never falls to <body> after
 * "Check answer", and a run's status is announced by one live region, not two.
 */
test.use({ viewport: { width: 1440, height: 900 } });

async function tabUntil(page: Page, target: Locator, limit: number): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`not reached within ${limit} Tab stops`);
}

test('Run is within the first 15 Tab stops from the top of a lesson', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open();
  await page.locator('body').focus();
  const jump = page.getByRole('link', { name: 'Jump to the example' });
  const toJump = await tabUntil(page, jump, 15);
  await expect(jump).toBeVisible(); // a skip link shows when focused
  await page.keyboard.press('Enter');
  const toRun = await tabUntil(page, bench.run, 15 - toJump);
  expect(toJump + toRun).toBeLessThanOrEqual(15);
  await page.keyboard.press('Enter');
  await expect(bench.status).toHaveText(/^Finished in \d+ ms/, { timeout: 30_000 });
});

test('focus stays on "Check answer" while the answer is checked and after', async ({ page }) => {
  await page.goto('/lessons/chat-completions');
  const question = page.locator('form', { has: page.getByRole('button', { name: 'Check answer' }) }).first();
  await question.getByRole('radio').first().check();
  const check = question.getByRole('button', { name: /Check answer|Checking/ });
  await check.focus();
  // Record every focus change while the check is under way: none may leave focus on <body>.
  await page.evaluate(() => {
    (window as unknown as { fellToBody: boolean }).fellToBody = false;
    document.addEventListener('focusout', () =>
      setTimeout(() => {
        if (document.activeElement === document.body)
          (window as unknown as { fellToBody: boolean }).fellToBody = true;
      }),
    );
  });
  await page.keyboard.press('Enter');
  await expect(question.getByRole('status')).toContainText(/Correct|Not quite/);
  await expect(check).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { fellToBody: boolean }).fellToBody)).toBe(false);
});

test('a run announces its status in one live region', async ({ page }) => {
  const bench = new Workbench(page);
  await bench.open();
  // Collect what each live region says as it changes (hidden text excluded, as a screen reader would).
  await page.evaluate(() => {
    const said: { region: number; text: string }[] = [];
    const regions: Element[] = [];
    (window as unknown as { said: typeof said }).said = said;
    const spoken = (el: Element): string =>
      [...el.childNodes]
        .map((n) =>
          n.nodeType === Node.TEXT_NODE
            ? n.textContent
            : n instanceof Element && n.getAttribute('aria-hidden') !== 'true'
              ? spoken(n)
              : '',
        )
        .join('');
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        const node = m.target instanceof Element ? m.target : m.target.parentElement;
        // The nearest live region: an explicit aria-live wins over the role's implicit one (aria-live="off" is silent).
        const region = node?.closest('[aria-live], [role="status"], [role="log"], [role="alert"]');
        if (!region || region.getAttribute('aria-live') === 'off') continue;
        if (!regions.includes(region)) regions.push(region);
        said.push({ region: regions.indexOf(region), text: spoken(region).trim() });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await bench.run.click();
  await expect(bench.status).toHaveText(/^Finished in \d+ ms/, { timeout: 30_000 });
  const said = await page.evaluate(
    () => (window as unknown as { said: { region: number; text: string }[] }).said,
  );
  const announcingProgress = new Set(
    said.filter((s) => /Preparing…|Running…/.test(s.text)).map((s) => s.region),
  );
  expect(announcingProgress.size, JSON.stringify(said)).toBe(1);
});

test('after "Show answer" the focus stays in the question, on "Check answer"', async ({ page }) => {
  await page.goto('/lessons/chat-completions');
  const question = page.locator('form', { hasText: 'uses 1,000 input tokens and 500 output tokens' });
  await question.getByLabel('Your answer (US dollars)').fill('1');
  await question.getByRole('button', { name: 'Check answer' }).press('Enter');
  await expect(question.getByRole('status')).toContainText('Not quite.');
  await question.getByRole('button', { name: 'Show answer' }).press('Enter');
  await expect(question.getByRole('status')).toContainText('The answer.');
  await expect(question.getByRole('button', { name: 'Check answer' })).toBeFocused();
});
