import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * The timeout drill teaches APIConnectionTimeoutError: the sandbox answers slowly (10 s), the runner makes the SDK's
 * default timeout 2 s for the run, so the SDK's own timeout fires, is retried, and the run ends in the SDK's class,
 * explained, with no raw AbortError anywhere. A timeout set in the program wins.
 */
test("lesson 1's example with the timeout drill ends in APIConnectionTimeoutError, explained", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const bench = new Workbench(page);
  await bench.open();
  await bench.drill.selectOption('timeout');
  await expect(page.getByText(/Expect APIConnectionTimeoutError/)).toContainText(
    'new OpenAI({ timeout: 2000, maxRetries: 0 })',
  );
  await bench.run.click();
  await bench.finished(30_000);
  await expect(bench.status).toHaveText(/^Failed/);
  await expect(bench.errorClass()).toHaveText('APIConnectionTimeoutError');
  const card = page.getByRole('alert').filter({ has: bench.errorClass() });
  await expect(card).toContainText('Request timed out.');
  await expect(card).toContainText('This was the timeout drill');
  await expect(card).toContainText('The SDK retries a timeout like a lost connection');
  await expect(card).toContainText('new OpenAI({ timeout: 2000, maxRetries: 0 })');
  await expect(card).toContainText('create(params, { timeout: 2000, maxRetries: 0 })');
  await expect(
    card.getByRole('link', { name: 'How to recover from APIConnectionTimeoutError' }),
  ).toHaveAttribute('href', '#error-apiconnectiontimeouterror');
  // Three attempts, each ended by the SDK's 2 s timeout, in words rather than the browser's AbortError.
  const panel = page.getByTestId('output-panel');
  await expect(bench.inspector.getByRole('listitem')).toHaveCount(3);
  await expect(panel).toContainText(
    "No response within the SDK's timeout: the SDK aborted this attempt after",
  );
  await expect(panel).not.toContainText('AbortError');
  await expect(panel).not.toContainText('aborted without reason');
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: test.info().outputPath('timeout-drill-output.png') });
});

test("a program's own timeout wins: one attempt with maxRetries: 0, and the slow answer arrives within a longer one", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const bench = new Workbench(page);
  await bench.open('/playground');
  await bench.setCode(
    [
      "import OpenAI from 'openai';",
      "const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hi' }] };",
      'const quick = new OpenAI({ timeout: 500, maxRetries: 0 });',
      'try { await quick.chat.completions.create(params); } catch (err) {',
      "console.log('quick:', (err as Error).constructor.name); }",
      'const patient = new OpenAI({ timeout: 15_000 });',
      'const reply = await patient.chat.completions.create(params);',
      "console.log('patient:', reply.choices[0]?.finish_reason);",
    ].join('\n'),
  );
  await bench.drill.selectOption('timeout');
  await bench.run.click();
  await bench.finished(30_000);
  await expect(bench.status).toHaveText(/^Finished/);
  await expect(bench.console).toContainText('quick: APIConnectionTimeoutError');
  await expect(bench.console).toContainText('patient: stop');
  // The quick client tried once; the patient one waited out the sandbox's 10 s hold on its first attempt.
  await expect(bench.inspector.getByRole('listitem')).toHaveCount(2);
});
