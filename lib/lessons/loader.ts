import 'server-only';
import path from 'node:path';
import { readCourse } from './read';
import { summarize, type Lesson, type LessonSummary } from './types';

export const LESSONS_DIR = path.join(process.cwd(), 'lessons');

let course: Promise<Lesson[]> | undefined;

/** Every lesson, read and validated once per process (pages are generated at build time from this). */
export function getLessons(): Promise<Lesson[]> {
  course ??= readCourse(LESSONS_DIR).catch((error: unknown) => {
    course = undefined; // let a fixed file be picked up on the next call in dev
    throw error;
  });
  return course;
}

export async function getLesson(slug: string): Promise<Lesson | undefined> {
  return (await getLessons()).find((lesson) => lesson.slug === slug);
}

export async function getLessonSummaries(): Promise<LessonSummary[]> {
  return (await getLessons()).map(summarize);
}
