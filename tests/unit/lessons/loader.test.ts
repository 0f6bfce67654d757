import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCourse } from '@/lib/lessons/read';
import { LessonError, linkCourse, parseLesson, type LessonFiles } from '@/lib/lessons/parse';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/course');

describe('readCourse', () => {
  it('orders lessons by number, not by name, strips the prefix from slugs and links prev/next', async () => {
    const lessons = await readCourse(FIXTURES);
    expect(lessons.map((l) => l.slug)).toEqual(['alpha', 'beta', 'gamma']);
    expect(lessons.map((l) => l.order)).toEqual([1, 2, 10]);
    expect(lessons[0]!.prev).toBeUndefined();
    expect(lessons[0]!.next).toEqual({ slug: 'beta', title: 'Beta' });
    expect(lessons[1]!.prev).toEqual({ slug: 'alpha', title: 'Alpha' });
    expect(lessons[1]!.next).toEqual({ slug: 'gamma', title: 'Gamma' });
    expect(lessons[2]!.next).toBeUndefined();
  });

  it('renders sections with anchors, field-guide entries and computed costs', async () => {
    const [alpha] = await readCourse(FIXTURES);
    expect(alpha!.sections.map((s) => s.id)).toEqual(['learn', 'explanation', 'field-guide', 'cost', 'error-recovery']);
    expect(alpha!.fieldGuide).toEqual([
      { name: 'choices[0].finish_reason', anchor: 'field-choices-finish_reason', summary: 'Why the model stopped.' },
    ]);
    expect(alpha!.errorGuide[0]!.anchor).toBe('error-ratelimiterror');
    const cost = alpha!.sections.find((s) => s.id === 'cost')!.html;
    expect(cost).toContain('$0.0075');
    expect(cost).toContain('<table');
    expect(cost).toContain('gpt-4o-mini');
    expect(alpha!.example.typescript.html).toContain('class="shiki');
  });
});

const good: LessonFiles = {
  folder: '03-good',
  index: `---
title: "A good lesson"
summary: "Enough words for a summary."
level: intermediate
minutes: 5
sdk: { node: "7.57.0", python: "3.x" }
model: gpt-4o
---

## What you will learn

Things.

## Explanation

More things.
`,
  starterTs: 'const a = 1;\n',
  solutionTs: 'const a = 2;\n',
  starterPy: 'a = 1\n',
};

function withIndex(index: string): LessonFiles {
  return { ...good, index };
}

describe('parseLesson', () => {
  it('accepts a minimal lesson and defaults tags and skipIf', async () => {
    const lesson = await parseLesson(good);
    expect(lesson.slug).toBe('good');
    expect(lesson.frontmatter.tags).toEqual([]);
    expect(lesson.frontmatter.skipIf).toEqual([]);
  });

  it.each([
    ['a missing title', good.index.replace('title: "A good lesson"\n', ''), /index\.md: frontmatter\.title/],
    ['minutes as text', good.index.replace('minutes: 5', 'minutes: five'), /frontmatter\.minutes/],
    ['an unknown level', good.index.replace('intermediate', 'expert'), /frontmatter\.level/],
    ['a loose SDK version', good.index.replace('node: "7.57.0"', 'node: "7"'), /frontmatter\.sdk\.node: must be an exact version/],
    ['a model not in the catalog', good.index.replace('model: gpt-4o', 'model: gpt-9'), /frontmatter\.model: "gpt-9" is not in/],
    ['an unknown field', good.index.replace('level:', 'colour: red\nlevel:'), /frontmatter\.\(root\)|colour/],
    ['broken YAML', good.index.replace('minutes: 5', 'minutes: [5'), /frontmatter is not valid YAML/],
    ['an unknown section', good.index.replace('## Explanation', '## Explanaton'), /unknown section "## Explanaton"/],
    ['sections out of order', good.index.replace('## What you will learn', '## Cost'), /out of order/],
    ['text before the first section', good.index.replace('## What you will learn', 'Stray.\n\n## What you will learn'), /text before the first/],
    ['an unknown placeholder', good.index.replace('More things.', '{{price}}'), /unknown placeholder \{\{price\}\}/],
  ])('rejects %s with a message naming the file and field', async (_name, index, message) => {
    const attempt = parseLesson(withIndex(index));
    await expect(attempt).rejects.toBeInstanceOf(LessonError);
    await expect(attempt).rejects.toThrow(/^lessons\/03-good\/index\.md: /);
    await expect(attempt).rejects.toThrow(message);
  });

  it('rejects a folder name without a number prefix', async () => {
    await expect(parseLesson({ ...good, folder: 'good' })).rejects.toThrow(/folder name must look like 01-some-slug/);
  });

  it('refuses two lessons with the same number', async () => {
    const a = await parseLesson(good);
    const b = await parseLesson({ ...good, folder: '03-other' });
    expect(() => linkCourse([a, b])).toThrow(/clashes with/);
  });
});
