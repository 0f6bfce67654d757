import { expect, test } from '@playwright/test';
import { recordForeignRequests } from './pages/workbench';

let foreign: string[] = [];
test.beforeEach(({ context, baseURL }) => {
  foreign = recordForeignRequests(context, baseURL!);
});
test.afterEach(() => {
  expect(foreign, 'requests that left the app').toEqual([]);
});

test('settings show the active backend and the limits in force', async ({ page }) => {
  await page.goto('/settings');
  await expect(page.getByTestId('active-backend')).toHaveText(/sandbox/i);
  await expect(page.getByText('Requests per minute')).toBeVisible();
  await expect(page.getByText('Output tokens per request')).toBeVisible();
  await expect(page.getByText(/gpt-4o-mini/)).toBeVisible();
});

test('a key is kept in this tab only, masked, and forgotten on request', async ({ page, context }) => {
  const key = 'sk-test-0123456789abcdefghijklmnopqrstuv';
  await page.goto('/settings');
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Use this key' }).click();
  await expect(page.getByTestId('own-key-status')).toContainText('sk-test*****stuv');
  await expect(page.getByTestId('own-key-status')).not.toContainText(key);
  await expect(page.getByTestId('active-backend')).toHaveText(/upstream.*your key/i);
  const stored = await page.evaluate(() => ({
    session: sessionStorage.getItem('tokenwise:openai-key'),
    local: JSON.stringify(localStorage),
  }));
  expect(stored.session).toBe(key);
  expect(stored.local).not.toContain(key);

  // Another tab does not have it.
  const other = await context.newPage();
  await other.goto('/settings');
  await expect(other.getByLabel('API key')).toBeVisible();
  await other.close();

  await page.getByRole('button', { name: 'Forget key' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Key forgotten' })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('tokenwise:openai-key'))).toBeNull();
  await expect(page.getByTestId('active-backend')).toHaveText(/sandbox/i);
});

test('the playground and settings are in the site navigation', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Site' });
  await nav.getByRole('link', { name: 'Playground' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});
