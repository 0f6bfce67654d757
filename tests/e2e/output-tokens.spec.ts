import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

test('the token view splits the run’s own prompt into tokens that add up to what the response billed', async ({
  page,
}) => {
  const workbench = new Workbench(page);
  await workbench.open('/playground');
  await workbench.setCode(
    [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      'const r = await client.chat.completions.create({',
      "  model: 'gpt-4o-mini',",
      "  messages: [{ role: 'system', content: 'You are terse.' }, { role: 'user', content: 'Name three colours.' }],",
      '});',
      'console.log(r.usage?.prompt_tokens);',
    ].join('\n'),
  );
  await workbench.runWithShortcut();
  // The button's name changes once open ("Hide tokens"): find it by its section.
  const show = page.getByRole('region', { name: 'Tokens', exact: true }).getByRole('button');
  await expect(show).toHaveText(/prompt as tokens/);
  await show.click();
  await expect(show).toHaveAttribute('aria-expanded', 'true');
  const tokens = page.locator('[data-token-id]');
  await expect(tokens.first()).toBeVisible();
  expect(await tokens.count()).toBeGreaterThan(5);
  const total = page.getByTestId('token-total');
  const text = (await total.textContent()) ?? '';
  const [, counted, billed] =
    /In all: (\d+) tokens; the response reported usage\.prompt_tokens: (\d+)/.exec(text) ?? [];
  expect(counted).toBeDefined();
  expect(counted).toBe(billed);
  await page.getByLabel('Show token ids').check();
  await expect(tokens.first().locator('sub')).toHaveText(/^\d+$/);
  const results = await new AxeBuilder({ page }).include('[aria-labelledby="token-view-title"]').analyze();
  expect(results.violations).toEqual([]);
});
