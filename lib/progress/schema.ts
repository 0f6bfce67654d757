import { z } from 'zod';

/**
 * A learner's progress as kept in the browser (localStorage) and in exported files. Versioned: a value is
 * validated on every read, and one that does not parse (or comes from an unknown version) is set aside instead
 * of breaking the page.
 */
export const PROGRESS_VERSION = 1;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);
const itemId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(64);
const timestamp = z.iso.datetime();

export const lessonProgressSchema = z
  .object({
    openedAt: timestamp.describe('First time the lesson page was opened'),
    visitedAt: timestamp.describe('Last time the lesson page was opened'),
    questions: z.array(itemId).max(100).describe('Ids of questions answered correctly'),
    challenges: z.array(itemId).max(50).describe('Ids of challenges passed by a run'),
    // Added after version 1 shipped: a stored value without it reads as "none shown", so the version stays 1.
    revealed: z.array(itemId).max(100).default([]).describe('Ids of questions whose answer the learner asked to see: shown, not answered'),
  })
  .strict();

export const progressSchema = z
  .object({
    version: z.literal(PROGRESS_VERSION),
    lessons: z
      .record(slug, lessonProgressSchema)
      .refine((lessons) => Object.keys(lessons).length <= 500, 'too many lessons')
      .describe('Progress per lesson slug'),
    lastLesson: slug.nullable().describe('The lesson opened most recently: where "continue" leads'),
    updatedAt: timestamp,
  })
  .strict();

export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type Progress = z.infer<typeof progressSchema>;
