import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readProgressValue } from '@/lib/progress/schema';

/**
 * The progress check is written by hand to keep zod off every page (lib/progress/schema.ts). This is the zod schema
 * it replaced, kept as the oracle: for every value below, both must agree on accept or refuse, and on what an
 * accepted value reads as.
 */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);
const itemId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(64);
const timestamp = z.iso.datetime();
const oracle = z
  .object({
    version: z.literal(1),
    lessons: z
      .record(
        slug,
        z
          .object({
            openedAt: timestamp,
            visitedAt: timestamp,
            questions: z.array(itemId).max(100),
            challenges: z.array(itemId).max(50),
            revealed: z.array(itemId).max(100).default([]),
          })
          .strict(),
      )
      .refine((lessons) => Object.keys(lessons).length <= 500),
    lastLesson: slug.nullable(),
    updatedAt: timestamp,
  })
  .strict();

const at = '2026-11-25T12:00:01.000Z';
const lesson = { openedAt: at, visitedAt: at, questions: ['q1'], challenges: [], revealed: ['q2'] };
const good = { version: 1, lessons: { 'chat-completions': lesson }, lastLesson: 'chat-completions', updatedAt: at };
const withLesson = (change: Record<string, unknown>) => ({
  ...good,
  lessons: { 'chat-completions': { ...lesson, ...change } },
});
const many = <T,>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

const CASES: [string, unknown][] = [
  ['a good value', good],
  ['no lessons, no last lesson', { ...good, lessons: {}, lastLesson: null }],
  ['a lesson without `revealed` (older progress)', withLesson({ revealed: undefined })],
  ['an unknown top-level field', { ...good, admin: true }],
  ['an unknown lesson field', withLesson({ score: 3 })],
  ['version 2', { ...good, version: 2 }],
  ['version "1"', { ...good, version: '1' }],
  ['an array', [good]],
  ['null', null],
  ['a string', 'progress'],
  ['lessons as an array', { ...good, lessons: [lesson] }],
  ['lessons null', { ...good, lessons: null }],
  ['a lesson null', { ...good, lessons: { one: null } }],
  ['a bad lesson slug', { ...good, lessons: { 'Chat Completions': lesson } }],
  ['a slug with a double dash', { ...good, lessons: { 'a--b': lesson } }],
  ['a slug of 80 characters', { ...good, lessons: { ['a'.repeat(80)]: lesson } }],
  ['a slug of 81 characters', { ...good, lessons: { ['a'.repeat(81)]: lesson } }],
  ['500 lessons', { ...good, lessons: Object.fromEntries(many(500, (i) => [`l${i}`, lesson] as const)) }],
  ['501 lessons', { ...good, lessons: Object.fromEntries(many(501, (i) => [`l${i}`, lesson] as const)) }],
  ['questions as a string', withLesson({ questions: 'q1' })],
  ['a question id with a slash', withLesson({ questions: ['../q1'] })],
  ['a question id of 64 characters', withLesson({ questions: ['q'.repeat(64)] })],
  ['a question id of 65 characters', withLesson({ questions: ['q'.repeat(65)] })],
  ['100 questions', withLesson({ questions: many(100, (i) => `q${i}`) })],
  ['101 questions', withLesson({ questions: many(101, (i) => `q${i}`) })],
  ['50 challenges', withLesson({ challenges: many(50, (i) => `c${i}`) })],
  ['51 challenges', withLesson({ challenges: many(51, (i) => `c${i}`) })],
  ['101 revealed', withLesson({ revealed: many(101, (i) => `q${i}`) })],
  ['revealed null', withLesson({ revealed: null })],
  ['a number as an id', withLesson({ challenges: [1] })],
  ['lastLesson with a path', { ...good, lastLesson: '../../etc' }],
  ['lastLesson missing', { ...good, lastLesson: undefined }],
  ['updatedAt "yesterday"', { ...good, updatedAt: 'yesterday' }],
  ['updatedAt without milliseconds', { ...good, updatedAt: '2026-11-25T12:00:01Z' }],
  ['updatedAt with microseconds', { ...good, updatedAt: '2026-11-25T12:00:01.123456Z' }],
  ['updatedAt with an offset', { ...good, updatedAt: '2026-11-25T12:00:01+01:00' }],
  ['updatedAt without a zone', { ...good, updatedAt: '2026-11-25T12:00:01' }],
  ['updatedAt a date only', { ...good, updatedAt: '2026-11-25' }],
  ['updatedAt at 24:00', { ...good, updatedAt: '2026-11-25T24:00:00Z' }],
  ['updatedAt on 30 February', { ...good, updatedAt: '2026-02-30T12:00:00Z' }],
  ['updatedAt on 29 February of a leap year', { ...good, updatedAt: '2028-02-29T12:00:00Z' }],
  ['updatedAt in month 13', { ...good, updatedAt: '2026-13-01T12:00:00Z' }],
  ['openedAt a number', withLesson({ openedAt: Date.now() })],
];

describe('the hand-written progress check agrees with the zod schema it replaced', () => {
  it.each(CASES)('%s', (_label, value) => {
    const expected = oracle.safeParse(value);
    const actual = readProgressValue(value);
    expect(actual.ok).toBe(expected.success);
    if (actual.ok && expected.success) expect(actual.progress).toEqual(expected.data);
  });

  it('refuses a `__proto__` lesson key, which zod drops without a word', () => {
    const raw = `{"version":1,"lessons":{"__proto__":${JSON.stringify(lesson)}},"lastLesson":null,"updatedAt":"${at}"}`;
    const value: unknown = JSON.parse(raw);
    expect(oracle.safeParse(value)).toMatchObject({ success: true, data: { lessons: {} } });
    expect(readProgressValue(value)).toEqual({ ok: false, path: ['lessons', '__proto__'] });
  });

  it('returns a copy, so changing what it read never changes the input', () => {
    const result = readProgressValue(good);
    expect(result.ok).toBe(true);
    if (result.ok) result.progress.lessons['chat-completions']!.questions.push('q9');
    expect(good.lessons['chat-completions'].questions).toEqual(['q1']);
  });

  it('names where a value fails', () => {
    expect(readProgressValue(withLesson({ questions: ['q1', 'Bad'] }))).toEqual({
      ok: false,
      path: ['lessons', 'chat-completions', 'questions', 1],
    });
  });
});
