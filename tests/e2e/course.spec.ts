import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { LessonPage } from './pages/lesson-page';
import { Workbench } from './pages/workbench';

const ARTIFACTS = 'tests/e2e/artifacts';

test('a learner opens the course, picks the first lesson and reads it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('OpenAI API');
  const card = page.getByRole('listitem').getByRole('link', { name: /client\.chat\.completions\.create\(\)/ });
  await expect(card).toContainText(/Beginner/);
  await expect(card).toContainText(/\d+ min/);
  await card.click();

  const lesson = new LessonPage(page);
  await expect(page).toHaveURL(/\/lessons\/chat-completions$/);
  await expect(lesson.title).toContainText('client.chat.completions.create()');
  for (const name of ['What you will learn', 'Why this matters', 'Explanation', 'Response shape', 'Field guide', 'Cost', 'Rate limits', 'Error recovery', 'Check your understanding']) {
    await expect(lesson.section(name)).toBeVisible();
  }
  // Prices come from the dated catalog, not from prose.
  await expect(lesson.section('Cost')).toContainText('$0.0075');
  await expect(lesson.section('Cost')).toContainText(/@pydantic\/genai-prices \d+\.\d+\.\d+ \(its data published \d{4}-\d{2}-\d{2}\)/);
});

test('the example switches between TypeScript and Python, by mouse and by keyboard', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open('chat-completions');
  await expect(lesson.tab('TypeScript')).toHaveAttribute('aria-selected', 'true');
  await expect(lesson.visibleExample).toContainText("import OpenAI from 'openai'");

  await lesson.tab('Python').click();
  await expect(lesson.tab('Python')).toHaveAttribute('aria-selected', 'true');
  await expect(lesson.visibleExample).toContainText('from openai import OpenAI');

  await lesson.tab('Python').press('ArrowLeft');
  await expect(lesson.tab('TypeScript')).toBeFocused();
  await expect(lesson.visibleExample).toContainText("import OpenAI from 'openai'");
});

test('field-guide anchors exist for the inspector to link to', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open('chat-completions');
  await expect(page.locator('#field-finish_reason')).toHaveCount(1);
  await expect(page.locator('#field-choices-message-content')).toHaveCount(1);
  await page.goto('/lessons/chat-completions#field-finish_reason');
  await expect(page.locator('#field-finish_reason')).toBeInViewport();
});

test('an unknown lesson shows a helpful 404', async ({ page }) => {
  const response = await page.goto('/lessons/no-such-lesson');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No lesson by that name');
  await page.getByRole('link', { name: 'See all lessons' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('keyboard users can skip to the content', async ({ page }) => {
  await page.goto('/lessons/chat-completions');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the lesson page has no accessibility violations and is screenshotted (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    const lesson = new LessonPage(page);
    await lesson.open('chat-completions');
    // The editor loads after the page: check it loaded, tokenized and themed, so axe sees its colours every time.
    await new Workbench(page).renderedWithTheme(colorScheme);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/lesson-${colorScheme}.png` });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: `${ARTIFACTS}/lesson-${colorScheme}-phone.png` });
    await page.goto('/');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/index-${colorScheme}-phone.png`, fullPage: true });
  });
}

test('on a 360 px phone nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  for (const path of ['/', '/lessons/chat-completions']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});
