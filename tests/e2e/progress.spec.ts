import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

/** Progress lives in the browser: it survives a reload, shows on the course index, and a corrupt value resets. */
const KEY = 'tokenwise:progress';
const lessonCard = (page: Page) => page.getByRole('listitem').getByRole('link', { name: /client\.chat\.completions\.create\(\)/ });

async function answerFirstQuestionRight(page: Page) {
  await page.goto('/lessons/chat-completions');
  const q = page.getByRole('form', { name: 'Question 1', exact: true });
  await q.getByRole('radio', { name: 'response.choices[0].message.content', exact: true }).check();
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.getByRole('status')).toContainText('Correct.');
}

test('progress shows on the course index after a reload, and "continue" leads back to what is left', async ({ page }) => {
  await page.goto('/');
  await expect(lessonCard(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Continue where you left off' })).toHaveCount(0);

  await answerFirstQuestionRight(page);
  await page.goto('/');
  await page.reload();
  await expect(lessonCard(page)).toContainText('1 of 11 done');
  const resume = page.getByRole('region', { name: 'Continue where you left off' });
  await expect(resume).toContainText('1 of 9 questions answered, 0 of 2 challenges passed.');
  await resume.getByRole('link', { name: /Lesson 1: client\.chat\.completions\.create\(\)/ }).click();
  await expect(page).toHaveURL(/\/lessons\/chat-completions#check$/);
  await expect(page.getByRole('group', { name: 'Your progress in this lesson' })).toContainText('Left: Question 2,');
});

test('a garbled progress value is set aside and the pages still work', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"version":1,"lessons":{"chat-completions":{"questions":[');
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'saved progress' })).toContainText('Your saved progress could not be read (it is not valid JSON), so it was reset.');
  expect(await page.evaluate(() => localStorage.getItem('tokenwise:progress:unreadable'))).toContain('"questions":[');

  await answerFirstQuestionRight(page);
  await page.goto('/');
  await expect(lessonCard(page)).toContainText('1 of 11 done');
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { version: number }, KEY);
  expect(stored.version).toBe(1);

  // A value of the wrong shape is survived the same way.
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ version: 1, lessons: 'all of them' })), KEY);
  await page.goto('/lessons/chat-completions');
  await expect(page.getByRole('group', { name: 'Your progress in this lesson' })).toContainText('0 of 9 questions answered');
});

test('progress exports to a file, resets only after confirming, and imports back', async ({ page }) => {
  await answerFirstQuestionRight(page);
  await page.goto('/');
  await expect(lessonCard(page)).toContainText('1 of 11 done');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as { version: number; lessons: Record<string, { questions: string[] }> };
  expect(exported.version).toBe(1);
  expect(exported.lessons['chat-completions']?.questions).toEqual(['reply-text']);

  await page.getByRole('button', { name: 'Reset progress' }).click();
  const confirm = page.getByRole('group', { name: 'Confirm reset' });
  await expect(confirm).toContainText('Forget progress on 1 lesson?');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(lessonCard(page)).toContainText('1 of 11 done');

  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('group', { name: 'Confirm reset' }).getByRole('button', { name: 'Yes, reset' }).click();
  await expect(lessonCard(page)).not.toContainText('done');
  await expect(page.getByRole('region', { name: 'Continue where you left off' })).toHaveCount(0);

  await page.getByLabel('Progress file to import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version":7}') });
  await expect(page.getByRole('status').filter({ hasText: 'Nothing imported' })).toContainText('found version 7');

  await page.getByLabel('Progress file to import').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported progress for 1 lesson');
  await expect(lessonCard(page)).toContainText('1 of 11 done');
});
