import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCourse } from '@/lib/lessons/read';
import type { Lesson } from '@/lib/lessons/types';
import { findModel } from '@/lib/models/catalog';
import { numbersIn } from '@/lib/quiz/numbers';
import { parseQuiz, type LoadedQuiz } from '@/lib/quiz/parse';

/**
 * Every lesson's links lead somewhere, its models exist and its numbers come from data: every internal link and
 * anchor in index.md and quiz.yaml resolves (`#anchor`, `/lessons/<slug>#anchor`, app pages), every `skipIf.lesson`
 * names a lesson of the course, every model an example sends is in `lib/models/catalog.ts`, and every numeric quiz
 * answer is computed from data (`cost`, `limit`, or `compute` on numbers the question states), never typed.
 */
const ROOT = process.cwd();
const LESSONS = path.join(ROOT, 'lessons');
const lessons = await readCourse(LESSONS);
const bySlug = new Map(lessons.map((l) => [l.slug, l]));
const quizzes = new Map<string, LoadedQuiz>();
for (const lesson of lessons) {
  const file = path.join(LESSONS, lesson.folder, 'quiz.yaml');
  if (existsSync(file)) quizzes.set(lesson.slug, await parseQuiz(readFileSync(file, 'utf8'), lesson));
}

/** App pages other than lessons, from `app/**\/page.tsx` (dynamic segments are not linked to by hand). */
function appRoutes(dir = path.join(ROOT, 'app'), prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'page.tsx') return [prefix || '/'];
    if (!entry.isDirectory() || entry.name.startsWith('[') || entry.name.startsWith('_') || entry.name === 'api') return [];
    const segment = entry.name.startsWith('(') ? '' : `/${entry.name}`;
    return appRoutes(path.join(dir, entry.name), prefix + segment);
  });
}
const ROUTES = new Set(appRoutes());

/** Ids the lesson page carries: sections and their titles, ids inside the rendered Markdown, the page's own. */
function anchorsOf(lesson: Lesson): Set<string> {
  const ids = new Set(['lesson-title', 'workbench', 'workbench-title', 'notes', 'notes-title']);
  for (const section of lesson.sections) {
    ids.add(section.id).add(`${section.id}-title`);
    for (const [, id] of section.html.matchAll(/\sid="([^"]+)"/g)) ids.add(id!);
  }
  for (const q of quizzes.get(lesson.slug)?.client.questions ?? []) ids.add(`quiz-${q.id}`);
  return ids;
}

/** Every `href` in the lesson's rendered text and in every rendered piece of its quiz. */
function linksOf(lesson: Lesson): string[] {
  const quiz = quizzes.get(lesson.slug);
  const html = [
    ...lesson.sections.map((s) => s.html),
    ...(quiz ? [...quiz.html.values(), ...quiz.client.questions.flatMap((q) => [q.promptHtml, q.hintHtml])] : []),
    ...(quiz ? quiz.client.challenges.flatMap((c) => [c.promptHtml, c.hintHtml]) : []),
  ];
  return html.flatMap((h) => [...h.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')));
}

/** Why an internal link does not resolve, or null when it does (external links are not checked offline). */
function brokenLink(from: Lesson, href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return null;
  const [pathname = '', anchor] = href.split('#') as [string, string | undefined];
  if (pathname === '') return anchors.get(from.slug)!.has(anchor ?? '') ? null : `no #${anchor} on this lesson's page`;
  const lesson = /^\/lessons\/([^/?#]+)\/?$/.exec(pathname);
  if (lesson) {
    const target = bySlug.get(lesson[1]!);
    if (!target) return `no lesson "${lesson[1]}" in lessons/`;
    return anchor === undefined || anchors.get(target.slug)!.has(anchor) ? null : `no #${anchor} on /lessons/${target.slug}`;
  }
  if (!ROUTES.has(pathname.replace(/\/$/, '') || '/')) return `no page ${pathname} in app/`;
  return anchor === undefined ? null : `cannot check #${anchor} on ${pathname}: link to lesson anchors only`;
}
const anchors = new Map(lessons.map((l) => [l.slug, anchorsOf(l)]));

/** Model ids an example or a code block sends: `model: 'x'`, `model="x"`, `"model": "x"`. */
function modelsIn(code: string): string[] {
  return [...code.matchAll(/["']?\bmodel["']?\s*[:=]\s*["'`]([^"'`\s]+)["'`]/g)].map((m) => m[1]!);
}

describe('the link checker', () => {
  const lesson = lessons[0]!;
  it.each([
    ['#cost', null],
    ['#no-such-anchor', /no #no-such-anchor/],
    [`/lessons/${lesson.slug}#field-guide`, null],
    ['/lessons/not-a-lesson', /no lesson "not-a-lesson"/],
    [`/lessons/${lesson.slug}#nowhere`, /no #nowhere/],
    ['/settings', null],
    ['/nowhere', /no page \/nowhere/],
    ['https://github.com/openai/openai-node', null],
  ])('judges %s', (href, expected) => {
    const verdict = brokenLink(lesson, href);
    if (expected === null) expect(verdict).toBeNull();
    else expect(verdict).toMatch(expected);
  });
  it('finds models in TypeScript, Python and JSON', () => {
    expect(modelsIn(`create({ model: 'gpt-4o-mini' }); create(model="gpt-5") {"model": "gpt-4o"}`)).toEqual(['gpt-4o-mini', 'gpt-5', 'gpt-4o']);
  });
});

describe.each(lessons.map((l) => [l.folder, l] as const))('lesson %s', (folder, lesson) => {
  it('has no internal link or anchor that leads nowhere (index.md and quiz.yaml)', () => {
    const broken = linksOf(lesson).flatMap((href) => {
      const why = brokenLink(lesson, href);
      return why ? [`${href}: ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('links "skip if" entries only to lessons of the course', () => {
    const missing = lesson.frontmatter.skipIf.filter((s) => s.lesson && !bySlug.has(s.lesson)).map((s) => s.lesson);
    expect(missing, `lessons/${folder}/index.md skipIf names lessons not in lessons/ (add lesson: only once it exists)`).toEqual([]);
  });

  it('names only models that are in the catalog', () => {
    const files = ['index.md', 'starter.ts', 'solution.ts', 'starter.py'].map((f) => readFileSync(path.join(LESSONS, folder, f), 'utf8'));
    const named = [lesson.frontmatter.model, ...files.flatMap(modelsIn)];
    expect(named.length).toBeGreaterThan(1);
    expect([...new Set(named.filter((m) => !findModel(m)))], 'models missing from lib/models/catalog.ts').toEqual([]);
  });

  it('computes every numeric quiz answer from data, never a typed value', () => {
    const numeric = (quizzes.get(lesson.slug)?.file.questions ?? []).filter((q) => q.kind === 'numeric');
    const typed = numeric.filter((q) => 'value' in q.answer).map((q) => q.id);
    expect(typed, 'numeric questions with a typed `value`: use `cost`, `limit` or `compute` (see lib/quiz/schema.ts)').toEqual([]);
    for (const q of numeric) {
      if (!('compute' in q.answer)) continue;
      // The working must use the numbers the learner is given or shown, so the answer follows from them.
      const stated = new Set(numbersIn(`${q.prompt} ${q.explanation}`.replace(/(\d),(?=\d{3}\b)/g, '$1').replace(/_/g, '')));
      const unstated = numbersIn(q.answer.compute).filter((n) => !stated.has(n));
      expect(unstated, `${q.id}: numbers in compute that neither the prompt nor the explanation states`).toEqual([]);
    }
  });
});
