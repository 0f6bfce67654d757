import { randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { XSS_CORPUS } from '../support/xss-corpus';

const SLUG = 'chat-completions';
const run = randomBytes(4).toString('hex');
const notesList = (page: Page) => page.getByRole('list', { name: 'Notes' });
const noteBy = (page: Page, name: string) =>
  notesList(page).getByRole('article', { name: `Note by ${name}` });

async function postNote(request: APIRequestContext, data: Record<string, string>) {
  const response = await request.post(`/api/lessons/${SLUG}/notes`, { data });
  if (response.status() === 429) {
    throw new Error(
      'The notes API rate-limited the test. Start the app under test with NOTES_LIMIT_PER_IP and NOTES_LIMIT_PER_LESSON of 1000 or more.',
    );
  }
  return response;
}

test('a learner posts a note, sees it, and still sees it after a reload', async ({ page }) => {
  const name = `Ada ${run}`;
  const text = `Pass maxRetries: 0 to see the raw 429 (${run}).`;
  await page.goto(`/lessons/${SLUG}#notes`);
  const form = page.getByRole('form', { name: 'Add a note' });
  await expect(form.getByLabel('openai SDK version')).toHaveValue(/^\d+\.\d+\.\d+$/);

  // The shared schema validates in the browser first: nothing is sent.
  await form.getByRole('button', { name: 'Post note' }).click();
  await expect(form.getByText('Write your note first.')).toBeVisible();
  await expect(form.getByLabel('Note')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Display name').fill(name);
  await form.getByLabel('Note').fill(`**Tip:** ${text}`);
  await form.getByRole('button', { name: 'Post note' }).click();
  await expect(form.getByRole('status')).toHaveText('Your note is posted.');
  await expect(noteBy(page, name)).toContainText(text);
  await expect(noteBy(page, name).locator('strong')).toHaveText('Tip:');

  await page.reload();
  await expect(noteBy(page, name)).toContainText(text);
  await expect(notesList(page).getByRole('listitem').first()).toContainText(name);
});

test('notes load only as the learner scrolls towards them', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === `/api/lessons/${SLUG}/notes`) asked.push(request.url());
  });
  await page.goto(`/lessons/${SLUG}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(asked, 'no notes request before the learner is near them').toHaveLength(0);
  await expect(page.getByRole('form', { name: 'Add a note' })).toHaveCount(0);
  await page.locator('#notes').scrollIntoViewIfNeeded();
  await expect(page.getByRole('form', { name: 'Add a note' })).toBeVisible();
  expect(asked).toHaveLength(1);
});

test('notes for an older SDK major carry a label; the index card counts notes', async ({ page, request }) => {
  const name = `Old SDK ${run}`;
  const response = await postNote(request, {
    body: `In openai 4 this was different (${run}).`,
    displayName: name,
    sdkVersion: '4.20.1',
  });
  expect(response.status()).toBe(201);
  await page.goto(`/lessons/${SLUG}#notes`);
  await expect(noteBy(page, name)).toContainText('written for openai 4');

  await page.goto('/');
  await expect(page.getByRole('listitem').getByRole('link', { name: /client\.chat\.completions\.create/ })).toContainText(
    /\d+ community notes?/,
  );
});

test('a learner reports a note', async ({ page, request }) => {
  const name = `Reported ${run}`;
  expect((await postNote(request, { body: `Questionable advice ${run}`, displayName: name })).status()).toBe(
    201,
  );
  await page.goto(`/lessons/${SLUG}#notes`);
  const note = noteBy(page, name);
  await note.getByRole('button', { name: 'Report' }).click();
  await note.getByRole('button', { name: 'Yes, report it' }).click();
  await expect(note.getByRole('status')).toHaveText('Reported. Thank you.');
});

test('cross-site posts and oversized notes are refused', async ({ request }) => {
  const crossSite = await request.post(`/api/lessons/${SLUG}/notes`, {
    headers: { origin: 'https://evil.example' },
    data: { body: 'from elsewhere', displayName: 'Mallory' },
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe('cross_origin');

  const huge = await request.post(`/api/lessons/${SLUG}/notes`, {
    data: { body: 'a'.repeat(200 * 1024), displayName: 'Big' },
  });
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toMatchObject({
    error: { code: 'request_too_large', type: 'invalid_request_error' },
  });
});

test(`no XSS vector of ${XSS_CORPUS.length} runs script, adds handlers or javascript: links, or clobbers the page`, async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const name = `XSS ${run}`;
  let accepted = 0;
  for (const [index, vector] of XSS_CORPUS.entries()) {
    // The run id keeps repeated runs clear of the duplicate check; a blank line keeps it out of the payload's block.
    const response = await postNote(request, {
      body: `${vector.payload}\n\nxss-${run}-${index}`,
      displayName: name,
    });
    expect([201, 400, 422], `${vector.name}: HTTP ${response.status()}`).toContain(response.status());
    if (response.status() === 201) accepted++;
  }
  expect(accepted).toBeGreaterThanOrEqual(100);

  const dialogs: string[] = [];
  const markers: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.text().includes('XSS_MARKER')) markers.push(message.text());
  });
  page.on('pageerror', (error) => markers.push(`page error: ${error.message}`));

  await page.goto(`/lessons/${SLUG}#notes`);
  const xssNotes = noteBy(page, name);
  const older = page.getByRole('button', { name: 'Show older notes' });
  // Load older pages until every accepted payload is on the page.
  while ((await xssNotes.count()) < accepted) {
    await expect(older).toBeEnabled();
    const before = await xssNotes.count();
    await older.click();
    await expect.poll(() => xssNotes.count()).toBeGreaterThan(before);
  }

  // Give event handlers every chance: hover and focus each note body.
  for (const body of await xssNotes.locator('.note-body').all()) {
    await body.hover({ force: true, timeout: 2_000 }).catch(() => {});
  }
  await page.keyboard.press('Tab');
  await page.waitForTimeout(500);

  const findings = await notesList(page).evaluate((list) => {
    const found: string[] = [];
    const forbidden =
      'script,iframe,frame,frameset,object,embed,style,link,meta,base,form,input,button,svg,math,img,picture,video,audio,source,template';
    for (const body of list.querySelectorAll('.note-body')) {
      for (const element of body.querySelectorAll('*')) {
        if (element.matches(forbidden)) found.push(`<${element.tagName.toLowerCase()}>`);
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name))
            found.push(`${attribute.name} on <${element.tagName.toLowerCase()}>`);
          if (
            (attribute.name === 'id' || attribute.name === 'name') &&
            !attribute.value.startsWith('user-content-')
          ) {
            found.push(`${attribute.name}="${attribute.value}"`);
          }
          if (attribute.name === 'style' && !element.closest('pre.shiki'))
            found.push(`style on <${element.tagName.toLowerCase()}>`);
        }
      }
      for (const link of body.querySelectorAll('a[href]')) {
        const protocol = (link as HTMLAnchorElement).protocol;
        if (!['http:', 'https:', 'mailto:'].includes(protocol))
          found.push(`link with ${protocol} ${link.getAttribute('href')}`);
      }
    }
    if (document.querySelectorAll('h1').length !== 1)
      found.push(`${document.querySelectorAll('h1').length} h1 headings`);
    if (document.querySelectorAll('#__next').length > 0) found.push('an element with id="__next"');
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) found.push('window.__xss was set');
    return found;
  });

  expect(dialogs, 'dialogs opened by note content').toEqual([]);
  expect(markers, 'console markers or page errors from note content').toEqual([]);
  expect(findings).toEqual([]);
  // The lesson itself is intact: no overlay or clobbered landmark.
  await expect(page.locator('#lesson-title')).toBeVisible();
  await expect(page.locator('main#main')).toHaveCount(1);
});

test('the moderation page refuses a wrong token', async ({ page }) => {
  await page.goto('/admin/notes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moderate community notes');
  await page.getByLabel('Admin token').fill('definitely-not-the-admin-token');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    /admin token is required|Moderation is off/,
  );
});

test('a moderator hides and restores a note', async ({ page, request }) => {
  const token = process.env.ADMIN_TOKEN;
  test.skip(!token, 'set ADMIN_TOKEN for the app and the tests to run the moderation flow');
  const name = `Moderated ${run}`;
  const created = await postNote(request, { body: `Moderate me ${run}`, displayName: name });
  const { note } = (await created.json()) as { note: { id: number } };

  await page.goto('/admin/notes');
  await page.getByLabel('Admin token').fill(token!);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByLabel('Show').selectOption('all');
  const row = page.getByRole('article', { name: `Note ${note.id} by ${name}` });
  await row.getByRole('button', { name: 'Hide' }).click();
  await expect(page.getByRole('status')).toHaveText(`Note ${note.id} hidden.`);

  await page.goto(`/lessons/${SLUG}#notes`);
  // The list is there (the notes have loaded), and the hidden note is not in it.
  await expect(notesList(page).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('article', { name: `Note by ${name}` })).toHaveCount(0);

  await page.goto('/admin/notes');
  await page.getByLabel('Show').selectOption('hidden');
  await page
    .getByRole('article', { name: `Note ${note.id} by ${name}` })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(page.getByRole('status')).toHaveText(`Note ${note.id} restored.`);
  await page.goto(`/lessons/${SLUG}#notes`);
  await expect(page.getByRole('article', { name: `Note by ${name}` })).toHaveCount(1);
});
