import { expect, test, type Page } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * Issue 14, "Errors that speak to the wrong person": a failed run says what the learner can do about it (with their
 * own key: forget it in Settings, linked to the Forget key control), the example's header says where runs go as the
 * badge does, and an error is announced once. The server under test has no upstream it can reach (no network), so a
 * run with an own key fails as it would offline.
 */
const KEY = 'sk-test-ERRORS-0123456789abcdefghijklmnop';

async function setKey(page: Page) {
  await page.goto('/settings');
  await page.getByLabel('API key').fill(KEY);
  await page.getByRole('button', { name: 'Use this key' }).click();
  await expect(page.getByTestId('own-key-status')).toBeVisible();
}

/** Records what each live region says as it changes, including regions inserted with their text (an alert). */
async function recordAnnouncements(page: Page) {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    const LIVE = '[aria-live]:not([aria-live="off"]), [role="status"], [role="log"], [role="alert"]';
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        const node = m.target instanceof Element ? m.target : m.target.parentElement;
        const region = node?.closest(LIVE);
        if (region) said.push(region.textContent ?? '');
        for (const added of m.addedNodes) {
          if (!(added instanceof Element) || region) continue;
          for (const inserted of [added, ...added.querySelectorAll(LIVE)].filter((el) => el.matches(LIVE)))
            said.push(inserted.textContent ?? '');
        }
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { said: string[] }).said);
}

test('with their own key and no reachable upstream, the card says whose key it is and links to Forget key', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await setKey(page);
  const bench = new Workbench(page);
  await bench.open();
  const target = page.getByTestId('run-target');
  await expect(target).toHaveText('runs in your browser, upstream with your key');

  const said = await recordAnnouncements(page);
  await bench.run.click();
  await bench.finished(30_000);
  await expect(bench.status).toHaveText(/^Failed/);
  await expect(page.getByTestId('backend-badge')).toHaveText('Upstream');
  const card = page.getByRole('alert').filter({ has: bench.errorClass() });
  await expect(card).toContainText('status 502');
  await expect(card).toContainText('Your key is used for this run');
  await expect(card).toContainText('To run against the sandbox instead, forget your key in Settings.');
  await expect(card).not.toContainText('Check OPENAI_BASE_URL');
  // No recovery advice meant for OpenAI's own outages (lesson 1's InternalServerError entry: status.openai.com).
  await expect(card.getByRole('link', { name: /How to recover/ })).toHaveCount(0);
  await expect(page.getByTestId('output-panel')).not.toContainText('status.openai.com');
  await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: test.info().outputPath('own-key-error-card.png') });

  // Announced once: the card's alert, inserted with its whole text, never repeated as exchanges arrive.
  await page.waitForTimeout(1_500);
  const announcements = (await said()).filter((text) => text.includes('Your key is used for this run'));
  expect(announcements, JSON.stringify(await said())).toHaveLength(1);

  // The link is a real link, reached and followed by keyboard, to the Forget key control.
  const forget = card.getByRole('link', { name: 'forget your key in Settings' });
  await expect(forget).toHaveAttribute('href', '/settings#own-key');
  await forget.focus();
  await expect(forget).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/settings#own-key$/);
  await expect(page.locator('#own-key')).toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Forget key' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Key forgotten' })).toBeVisible();

  // Back on the lesson: the header and the badge say sandbox, and the run answers.
  await bench.open();
  await expect(target).toHaveText('runs in your browser, against the sandbox');
  await bench.run.click();
  await bench.finished(30_000);
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(page.getByTestId('backend-badge')).toHaveText('Sandbox');
});

test("the example's header never claims a target before it knows one", async ({ page }) => {
  // The HTML as served: only what is true for every learner.
  const html = await (await page.request.get('/lessons/chat-completions')).text();
  const served = /data-testid="run-target"[^>]*>([^<]*(?:<!-- -->[^<]*)*)</
    .exec(html)?.[1]
    ?.replace(/<!-- -->/g, '');
  expect(served).toBe('runs in your browser');
  // Without a key, once the runner token says where guests' runs go.
  await page.goto('/lessons/chat-completions');
  await expect(page.getByTestId('run-target')).toHaveText('runs in your browser, against the sandbox');
});
