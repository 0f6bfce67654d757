import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('"/" opens search anywhere; arrows and Enter jump to the section that explains include_usage', async ({
  page,
}) => {
  await page.goto('/playground');
  await page.locator('body').press('/');
  const box = page.getByRole('combobox', { name: 'Search lessons, sections and fields' });
  await expect(box).toBeFocused();
  await box.fill('include_usage');
  const options = page.getByRole('option');
  await expect(options.first()).toBeVisible();
  // The streaming lesson owns the topic; its entry must be among the results, and Enter takes you there.
  const streaming = options.filter({ hasText: 'Streaming' }).first();
  await expect(streaming).toBeVisible();
  const position = await options.evaluateAll(
    (all, target) => all.findIndex((o) => o.textContent?.includes(target)),
    'Streaming',
  );
  for (let i = 0; i < position; i++) await box.press('ArrowDown');
  await expect(options.nth(position)).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/streaming#[a-z0-9_-]+$/);
  const anchor = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
});

test('the search button works by pointer, says when nothing matches, and passes axe', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Search/ }).click();
  const box = page.getByRole('combobox', { name: 'Search lessons, sections and fields' });
  await box.fill('qqqzzz');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing in the course matches' })).toBeVisible();
  await box.fill('finish_reason');
  await expect(page.getByRole('option').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(results.violations).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(box).toBeHidden();
});

test('the course index groups lessons into parts with their time', async ({ page }) => {
  await page.goto('/');
  const part = page.getByRole('region', { name: /Part 1: First calls/ });
  await expect(part).toBeVisible();
  await expect(part).toContainText(/\d+ lessons? · about \d+ min/);
  await expect(part.getByRole('link', { name: /client\.chat\.completions\.create\(\)/ })).toBeVisible();
});
