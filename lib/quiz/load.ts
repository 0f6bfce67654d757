import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getLesson, getLessons, LESSONS_DIR } from '@/lib/lessons/loader';
import type { Lesson } from '@/lib/lessons/types';
import { parseQuiz, type LoadedQuiz } from './parse';
import type { ClientQuiz, QuizOutline } from './public';

/**
 * The server's only way to a quiz: reads `lessons/<folder>/quiz.yaml` beside the lesson, validates and renders it
 * once per process. A lesson without a quiz.yaml has no quiz (undefined), which the page treats as "prose only".
 */
const cache = new Map<string, Promise<LoadedQuiz | undefined>>();

async function readQuiz(lesson: Lesson, dir: string): Promise<LoadedQuiz | undefined> {
  let source: string;
  try {
    source = await readFile(path.join(dir, lesson.folder, 'quiz.yaml'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseQuiz(source, lesson);
}

export async function getQuiz(slug: string): Promise<LoadedQuiz | undefined> {
  let entry = cache.get(slug);
  if (!entry) {
    entry = getLesson(slug).then((lesson) => (lesson ? readQuiz(lesson, LESSONS_DIR) : undefined));
    entry.catch(() => cache.delete(slug)); // let a fixed file be picked up on the next call in dev
    cache.set(slug, entry);
  }
  return entry;
}

/** Prompts, options and hints only: safe to hand to a client component. */
export async function getClientQuiz(slug: string): Promise<ClientQuiz | undefined> {
  return (await getQuiz(slug))?.client;
}

/** Question and challenge ids of every lesson that has a quiz, for progress on the course index. */
export async function getQuizOutlines(): Promise<QuizOutline[]> {
  const lessons = await getLessons();
  const quizzes = await Promise.all(lessons.map((l) => getQuiz(l.slug)));
  return quizzes.flatMap((q) => (q ? [q.outline] : []));
}
