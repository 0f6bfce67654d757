import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * The quiz on lesson 1, as a learner uses it: answers go to the server, come back right or wrong with an
 * explanation and a link to the passage, and right answers count towards the lesson's progress.
 */
class Quiz {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/lessons/chat-completions');
    await expect(this.section.getByRole('form', { name: 'Question 1' })).toBeVisible();
  }

  get section() {
    return this.page.getByRole('region', { name: 'Check your understanding', exact: true });
  }

  question(n: number): Locator {
    return this.section.getByRole('form', { name: `Question ${n}`, exact: true });
  }

  /** The question whose prompt contains `text`. */
  questionAbout(text: string | RegExp): Locator {
    return this.section.getByRole('form').filter({ hasText: text });
  }

  async check(question: Locator) {
    await question.getByRole('button', { name: 'Check answer' }).click();
    await expect(question.getByRole('button', { name: 'Check answer' })).toBeEnabled();
  }

  get remaining() {
    return this.section.getByRole('group', { name: 'Your progress in this lesson' });
  }
}

test('a wrong answer explains only the chosen option and the hint stays open to use; then the right answer is accepted', async ({ page }) => {
  const quiz = new Quiz(page);
  await quiz.open();
  // The checked quiz replaces the prose questions, and shows what is left.
  await expect(quiz.section.getByRole('group', { name: 'Your progress in this lesson' })).toContainText('0 of 9 questions answered, 0 of 2 challenges passed');

  const q = quiz.questionAbout('Where is the text of the reply?');
  await q.getByRole('radio', { name: 'response.message.content', exact: true }).check();
  await quiz.check(q);
  const status = q.getByRole('status');
  await expect(status).toContainText('Not quite.');
  await expect(q).toContainText('Wrong option. There is no message at the top level'); // why the chosen option is wrong
  await expect(status.getByRole('link', { name: 'Field guide: choices[0].message.content' })).toHaveAttribute(
    'href',
    '/lessons/chat-completions#field-choices-message-content',
  );
  // Only the chosen option is explained after a wrong try, and not the answer: the right one is the learner's to find.
  await expect(q).not.toContainText('Right option.');
  await expect(status).not.toContainText('The reply sits inside the choices array');

  await q.getByText('Hint', { exact: true }).click();
  await expect(q).toContainText('The response is an envelope that can carry several alternative replies.');

  await q.getByRole('radio', { name: 'response.choices[0].message.content', exact: true }).check();
  await expect(status).toBeEmpty(); // the old verdict goes when the answer changes
  await quiz.check(q);
  await expect(status).toContainText('Correct.');
  await expect(status).toContainText('The reply sits inside the choices array'); // the explanation, once right
  await expect(q).toContainText('Right option.');
  await expect(q).toContainText('Answered correctly');
  await expect(quiz.remaining).toContainText('1 of 9 questions answered');
  // Feedback, option marks and the progress summary are accessible in their answered state too.
  const axe = await new AxeBuilder({ page }).include('#check').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

  await status.getByRole('link', { name: 'Field guide: choices[0].message.content' }).click();
  await expect(page).toHaveURL(/#field-choices-message-content$/);
  await expect(page.locator('#field-choices-message-content')).toBeInViewport();
});

test('a numeric answer is read with $ and commas, and checked against the catalog price', async ({ page }) => {
  const quiz = new Quiz(page);
  await quiz.open();
  const q = quiz.questionAbout('uses 1,000 input tokens and 500 output tokens');
  const input = q.getByLabel('Your answer (US dollars)');

  await input.fill('about a cent');
  await quiz.check(q);
  await expect(q.getByRole('status')).toContainText('Type one number, such as $0.0123');
  await expect(q.getByRole('status')).not.toContainText('Not quite');

  await input.fill('$0.00004'); // the old lesson card's figure, 83x too low
  await quiz.check(q);
  await expect(q.getByRole('status')).toContainText('Not quite.');
  await expect(q.getByRole('status').getByRole('link', { name: 'Cost' })).toBeVisible();
  await expect(q.getByRole('status')).not.toContainText('$0.0075'); // neither the explanation nor the value

  await input.fill('$0,0075');
  await quiz.check(q);
  await expect(q.getByRole('status')).toContainText('Correct.');
  await expect(q.getByRole('status')).toContainText('Exactly $0.0075.');
});

test('free text: a known wrong turn gets its own feedback, not the answer; naming the right class beside a wrong one is not right', async ({ page }) => {
  const quiz = new Quiz(page);
  await quiz.open();
  const q = quiz.questionAbout('it was revoked last week');
  const input = q.getByLabel('Your answer');

  await input.fill('BadRequestError');
  await quiz.check(q);
  await expect(q.getByRole('status')).toContainText('Not quite.');
  await expect(q.getByRole('status')).toContainText('That class belongs to another status.');
  await expect(q.getByRole('status')).not.toContainText('Model answer');
  await expect(q.getByRole('status')).not.toContainText('AuthenticationError');

  await input.fill("not AuthenticationError, it's PermissionDeniedError");
  await quiz.check(q);
  await expect(q.getByRole('status')).toContainText('Not quite.');

  await input.fill('  an  OpenAI.AuthenticationError ');
  await quiz.check(q);
  await expect(q.getByRole('status')).toContainText('Correct.');
  await expect(q.getByRole('status')).toContainText('In full');
});

test('"Show answer" after a wrong try shows the explanation and answer, and the progress records it as shown, not answered', async ({ page }) => {
  const quiz = new Quiz(page);
  await quiz.open();
  const q = quiz.questionAbout('uses 1,000 input tokens and 500 output tokens');
  await expect(q.getByRole('button', { name: 'Show answer' })).toHaveCount(0); // try first
  await q.getByLabel('Your answer (US dollars)').fill('1');
  await quiz.check(q);
  await expect(q.getByRole('status')).toContainText('Not quite.');
  await expect(q.getByRole('status')).not.toContainText('$0.0075');

  await q.getByRole('button', { name: 'Show answer' }).click();
  await expect(q.getByRole('status')).toContainText('The answer.');
  await expect(q.getByRole('status')).toContainText('Exactly $0.0075.');
  await expect(q.getByRole('status')).toContainText('Multiply each count by its own price');
  await expect(q).toContainText('Answer shown');
  await expect(q).not.toContainText('Answered correctly');
  await expect(quiz.remaining).toContainText('0 of 9 questions answered');
  await expect(quiz.remaining).toContainText('(answer shown)');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('tokenwise:progress') ?? '{}'));
  expect(stored.lessons['chat-completions']).toMatchObject({ questions: [], revealed: ['cost-gpt-4o'] });

  // Still shown after a reload, and still not counted as answered.
  await page.reload();
  await expect(quiz.questionAbout('uses 1,000 input tokens and 500 output tokens')).toContainText('Answer shown');
  await expect(quiz.remaining).toContainText('0 of 9 questions answered');
  const axe = await new AxeBuilder({ page }).include('#check').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
});

test('multiple choice says how many right options were left out', async ({ page }) => {
  const quiz = new Quiz(page);
  await quiz.open();
  const q = quiz.questionAbout('which of these has the SDK already retried');
  await q.getByRole('checkbox', { name: 'RateLimitError (429)' }).check();
  await q.getByRole('checkbox', { name: 'InternalServerError (500, 503)' }).check();
  await quiz.check(q);
  await expect(q.getByRole('status')).toContainText('You left out 1 right option.');

  await q.getByRole('checkbox', { name: 'APIConnectionError (no response at all)' }).check();
  await quiz.check(q);
  await expect(q.getByRole('status')).toContainText('Correct.');
});
