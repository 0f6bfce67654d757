import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { Workbench } from './pages/workbench';

/** Issue 10, finding 4: the learner's own key never reaches learner code, and shared code asks before spending it. */
const KEY = 'sk-test-SEALED-0123456789abcdefghijklmnop';

async function setKey(page: Page) {
  await page.goto('/settings');
  await page.getByLabel('API key').fill(KEY);
  await page.getByRole('button', { name: 'Use this key' }).click();
  await expect(page.getByTestId('own-key-status')).toBeVisible();
}

test('code in the playground sees a sealed token, never the key', async ({ page }) => {
  await setKey(page);
  const workbench = new Workbench(page);
  await workbench.open('/playground');
  await workbench.setCode('console.log(String(process.env.OPENAI_API_KEY));\nconsole.log(JSON.stringify(process.env));');
  await workbench.runWithShortcut();
  await expect(workbench.console).toContainText('tw_sk_');
  await expect(workbench.console).not.toContainText(KEY);
  await expect(workbench.console).not.toContainText('SEALED');
});

test('the first run of shared code asks before using the key; the sandbox choice uses a runner token', async ({ page }) => {
  await setKey(page);
  const code = 'console.log("key kind:", String(process.env.OPENAI_API_KEY).slice(0, 6));';
  const workbench = new Workbench(page);
  await workbench.open(`/playground#code=${LZString.compressToEncodedURIComponent(code)}`);
  await workbench.run.click();
  const dialog = page.getByRole('dialog', { name: 'Run shared code with your key?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Run on the sandbox' }).click();
  await workbench.finished();
  await expect(workbench.console).toContainText('key kind: tw_rt_');

  // Asked again, and this time the learner agrees: from then on the code runs with the (sealed) key.
  await workbench.run.click();
  await dialog.getByRole('button', { name: 'Run with my key' }).click();
  await workbench.finished();
  await expect(workbench.console).toContainText('key kind: tw_sk_');
  await workbench.run.click();
  await workbench.finished();
  await expect(dialog).toBeHidden();
});
