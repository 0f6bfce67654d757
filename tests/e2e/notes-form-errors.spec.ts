import { expect, test, type Page, type Route } from '@playwright/test';

/**
 * The notes form's errors: a failed post moves focus to the first invalid field, which is marked invalid and
 * described by its message; one alert says so, once per post. A server or network failure keeps what the learner
 * wrote and says what happened. The notes API is stubbed here so each failure can be had on demand (and the test
 * needs no database); the real API's own errors are tested in notes.spec.ts and the integration tests.
 */
const SLUG = 'chat-completions';
const NOTES = `**/api/lessons/${SLUG}/notes`;

/** An empty board for the form to sit under, and the given answer (or failure) for a post. */
async function stubNotes(page: Page, onPost: (route: Route) => Promise<void>) {
  const posts: unknown[] = [];
  await page.route(NOTES, async (route) => {
    if (route.request().method() !== 'POST') return route.fulfill({ json: { notes: [], nextBefore: null } });
    posts.push(route.request().postDataJSON());
    return onPost(route);
  });
  return posts;
}

const envelope = (message: string, code: string, extra: Record<string, unknown> = {}) => ({
  error: {
    message,
    type: code === 'notes_unavailable' ? 'server_error' : 'invalid_request_error',
    param: null,
    code,
    ...extra,
  },
});

async function openForm(page: Page) {
  // The notes (and so the form) load as the learner comes near them: a link to them does that.
  await page.goto(`/lessons/${SLUG}#notes`);
  const form = page.getByRole('form', { name: 'Add a note' });
  await expect(form.getByLabel('openai SDK version')).toHaveValue(/^\d+\.\d+\.\d+$/);
  return form;
}

/** The text of the elements an element's aria-describedby names. */
const description = (page: Page, label: string) =>
  page
    .getByRole('form', { name: 'Add a note' })
    .getByLabel(label, { exact: true })
    .evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );

test('an empty post focuses the first invalid field, each described by its error, with one alert', async ({
  page,
}) => {
  const posts = await stubNotes(page, (route) => route.fulfill({ status: 500 }));
  const form = await openForm(page);
  const name = form.getByLabel('Display name');
  const note = form.getByLabel('Note', { exact: true });
  const post = form.getByRole('button', { name: 'Post note' });

  await post.click();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(note).toHaveAttribute('aria-invalid', 'true');
  expect(await description(page, 'Display name')).toContain('Add a display name.');
  expect(await description(page, 'Note')).toContain('Write your note first.');
  const alerts = page.getByRole('alert').filter({ hasText: /\S/ });
  await expect(alerts).toHaveText(['The note was not posted: 2 fields need a fix.']);

  // Fixed the name only: focus goes to the note, the name is valid again, and the alert is new (read again).
  await name.fill('Ada');
  const firstAlert = await form.locator('[data-note-form-error]').elementHandle();
  await post.click();
  await expect(note).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  await expect(name).not.toHaveAttribute('aria-describedby');
  await expect(alerts).toHaveText(['The note was not posted: one field needs a fix.']);
  expect(await firstAlert!.evaluate((el) => el.isConnected)).toBe(false);
  expect(posts).toHaveLength(0); // checked in the browser: nothing was sent
});

test("the server's field errors focus that field and keep the text", async ({ page }) => {
  await stubNotes(page, (route) =>
    route.fulfill({
      status: 400,
      json: envelope('The note was refused.', 'invalid_note', {
        fields: { body: 'This note repeats one posted a minute ago.' },
      }),
    }),
  );
  const form = await openForm(page);
  const text = 'Pass maxRetries: 0 to see the raw 429.';
  await form.getByLabel('Display name').fill('Ada');
  await form.getByLabel('Note', { exact: true }).fill(text);
  await form.getByRole('button', { name: 'Post note' }).click();
  const note = form.getByLabel('Note', { exact: true });
  await expect(note).toBeFocused();
  await expect(note).toHaveAttribute('aria-invalid', 'true');
  expect(await description(page, 'Note')).toContain('This note repeats one posted a minute ago.');
  await expect(note).toHaveValue(text);
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText([
    'The note was not posted: one field needs a fix.',
  ]);
});

test('a server that cannot store notes (503) keeps the note, says so, and focus stays on the button', async ({
  page,
}) => {
  await stubNotes(page, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300)); // long enough to see the button while posting
    await route.fulfill({
      status: 503,
      json: envelope('Community notes are unavailable right now.', 'notes_unavailable'),
    });
  });
  const form = await openForm(page);
  const text = 'Tip: the SDK retries a 429 twice by default.';
  await form.getByLabel('Display name').fill('Ada');
  await form.getByLabel('Note', { exact: true }).fill(text);
  const post = form.getByRole('button', { name: /Post note|Posting/ });
  await post.focus();
  await page.keyboard.press('Enter');
  await expect(post).toHaveText('Posting…');
  await expect(post).toBeFocused(); // not dropped to <body> while the post is under way
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText([
    'Community notes are unavailable right now. Your note is still in the form: post it again in a minute.',
  ]);
  await expect(post).toBeFocused();
  await expect(form.getByLabel('Note', { exact: true })).toHaveValue(text);
  await expect(form.getByLabel('Display name')).toHaveValue('Ada');
  await expect(form.getByLabel('Note', { exact: true })).toHaveAttribute('aria-invalid', 'false');
});

test('no connection keeps the note and says what happened', async ({ page }) => {
  await stubNotes(page, (route) => route.abort('internetdisconnected'));
  const form = await openForm(page);
  const text = 'Set timeout on the client, not per call.';
  await form.getByLabel('Display name').fill('Ada');
  await form.getByLabel('Note', { exact: true }).fill(text);
  await form.getByRole('button', { name: 'Post note' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText([
    /did not answer \(check your connection\)\. Your note is still in the form/,
  ]);
  await expect(form.getByLabel('Note', { exact: true })).toHaveValue(text);
});
