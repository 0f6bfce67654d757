import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { quizFileSchema, type QuizFile } from '../../lib/quiz/schema';

/**
 * Answer keys never reach the browser. Every secret of every quiz (explanations, option feedback, model answers,
 * rubric phrasings, test answers) is cut into plain-text fragments that rendering cannot split, minus anything the lesson shows
 * anyway; then every response the browser gets on the course pages (HTML, the React server component payload,
 * scripts, styles) and every file of the client build is searched for them.
 */
const LESSONS = path.join(process.cwd(), 'lessons');

/** Runs of plain text that survive Markdown, HTML escaping and JSON escaping unchanged. */
function fragments(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/[`*_[\]{}<>"'&\\|#]+/)
    .map((s) => s.trim())
    // A fragment without a space is a name (`APIConnectionTimeoutError`, `OpenAI.AuthenticationError`): the SDK and
    // every lesson print those. The secrets are the quiz's own sentences.
    .filter((s) => s.length >= 24 && s.includes(' '));
}

function secretsOf(quiz: QuizFile): string[] {
  const secrets: string[] = [];
  for (const q of quiz.questions) {
    secrets.push(q.explanation);
    if (q.kind === 'single' || q.kind === 'multiple') secrets.push(...q.options.map((o) => o.explanation));
    if (q.kind === 'text') {
      secrets.push(q.modelAnswer, ...q.rubric.misconceptions.map((m) => m.feedback));
      // Short rubric terms are words any page may use; the long ones are the rubric's own wording.
      secrets.push(...q.rubric.accepted, ...q.rubric.keyIdeas.flatMap((k) => k.any));
      // The author's test answers (right and wrong) are for the content test only.
      secrets.push(...(q.tests?.right ?? []), ...(q.tests?.wrong ?? []).map((w) => (typeof w === 'string' ? w : w.answer)));
    }
  }
  return secrets;
}

function publicText(folder: string, quiz: QuizFile): string {
  const files = readdirSync(path.join(LESSONS, folder)).filter((f) => /\.(md|ts|py)$/.test(f));
  const shown = [
    ...quiz.questions.flatMap((q) => [q.prompt, q.hint, ...(q.kind === 'single' || q.kind === 'multiple' ? q.options.map((o) => o.text) : [])]),
    ...quiz.challenges.flatMap((c) => [c.title, c.prompt, c.hint]),
  ];
  return [...files.map((f) => readFileSync(path.join(LESSONS, folder, f), 'utf8')), ...shown].join('\n').replace(/\s+/g, ' ');
}

const loaded = readdirSync(LESSONS)
  .filter((folder) => existsSync(path.join(LESSONS, folder, 'quiz.yaml')))
  .map((folder) => ({ folder, quiz: quizFileSchema.parse(parse(readFileSync(path.join(LESSONS, folder, 'quiz.yaml'), 'utf8'))) }));
// What any lesson shows is public: one lesson's answer may be another's prose.
const shown = loaded.map(({ folder, quiz }) => publicText(folder, quiz)).join('\n');
const quizzes = loaded.map(({ folder, quiz }) => {
  const secret = [...new Set(secretsOf(quiz).flatMap(fragments))].filter((f) => !shown.includes(f));
  return { slug: folder.replace(/^\d+-/, ''), quiz, secret };
});

/** What the served text contains of the secrets; JSON- and HTML-escaped spaces and slashes undone first. */
function leaks(body: string): string[] {
  const text = body.replace(/\\u0026/g, '&').replace(/\\\//g, '/').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ');
  return quizzes.flatMap((q) => q.secret.filter((s) => text.includes(s)));
}

test('there are secrets to look for, and the search finds them where they belong: in a check answer', async ({ request }) => {
  const lesson1 = quizzes.find((q) => q.slug === 'chat-completions');
  expect(lesson1, 'lesson 1 has a quiz').toBeDefined();
  expect(lesson1!.secret.length).toBeGreaterThan(30);
  const answer = await request.post('/api/quiz/check', { data: { lesson: 'chat-completions', question: 'setup-trap', answer: 'works' } });
  expect(answer.status()).toBe(200);
  expect(leaks(await answer.text()).length).toBeGreaterThan(0);
});

test('no answer key is in any page, payload or script the browser loads', async ({ page }) => {
  // Every lesson page, each waited on until the network is idle: ten lessons need more than the default minute.
  test.setTimeout(300_000);
  const bodies = new Map<string, Promise<string>>();
  page.on('response', (response) => {
    const url = response.url();
    if (url.includes('/api/quiz/')) return; // feedback to an attempt is meant to carry explanations
    if (response.status() >= 300 && response.status() < 400) return;
    bodies.set(`${response.request().method()} ${url}`, response.text().catch(() => ''));
  });

  for (const url of ['/', ...quizzes.map((q) => `/lessons/${q.slug}`)]) {
    await page.goto(url, { waitUntil: 'networkidle' });
    // Client-side navigation fetches the server component payload separately.
    const rsc = await page.request.get(url, { headers: { RSC: '1' } });
    bodies.set(`RSC ${url}`, rsc.text());
  }
  // Opening every hint is what a learner may do before answering; the hints are public, the rest is not.
  for (const summary of await page.getByText('Hint', { exact: true }).all()) await summary.click();
  await expect(page.getByRole('form', { name: 'Question 1' })).toBeVisible();
  bodies.set('DOM after opening every hint', page.content());

  expect(bodies.size).toBeGreaterThan(5);
  const found: string[] = [];
  for (const [name, body] of bodies) for (const leak of leaks(await body)) found.push(`${name}: "${leak}"`);
  expect(found).toEqual([]);
});

test('no answer key is in any file of the client build', () => {
  const root = path.join(process.cwd(), '.next');
  test.skip(!existsSync(path.join(root, 'static')), 'no .next build in this folder (the app under test was built elsewhere)');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(js|css|html|rsc|json|txt|map|body)$/.test(name)) files.push(file);
    }
  };
  walk(path.join(root, 'static'));
  if (existsSync(path.join(root, 'server', 'app'))) {
    // Prerendered pages are served as they are; only their HTML and payloads go to browsers.
    for (const file of readdirSync(path.join(root, 'server', 'app'), { recursive: true, encoding: 'utf8' })) {
      if (/\.(html|rsc|body)$/.test(file)) files.push(path.join(root, 'server', 'app', file));
    }
  }
  expect(files.length).toBeGreaterThan(10);
  const found = files.flatMap((file) => leaks(readFileSync(file, 'utf8')).map((leak) => `${path.relative(process.cwd(), file)}: "${leak}"`));
  expect(found).toEqual([]);
});
