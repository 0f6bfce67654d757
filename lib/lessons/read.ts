import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FOLDER_PATTERN, LessonError, linkCourse, parseLesson, type LessonFiles } from './parse';
import type { Lesson } from './types';

async function readRequired(dir: string, folder: string, name: string): Promise<string> {
  try {
    return await readFile(path.join(dir, folder, name), 'utf8');
  } catch {
    throw new LessonError(`lessons/${folder}/${name}`, 'file is missing; every lesson needs index.md, starter.ts, solution.ts and starter.py');
  }
}

/** Reads, validates and links every lesson folder under `dir`. Folders not named `NN-slug` are ignored. */
export async function readCourse(dir: string): Promise<Lesson[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory() && FOLDER_PATTERN.test(e.name)).map((e) => e.name);
  const lessons = await Promise.all(
    folders.map(async (folder) => {
      const files: LessonFiles = {
        folder,
        index: await readRequired(dir, folder, 'index.md'),
        starterTs: await readRequired(dir, folder, 'starter.ts'),
        solutionTs: await readRequired(dir, folder, 'solution.ts'),
        starterPy: await readRequired(dir, folder, 'starter.py'),
      };
      return parseLesson(files);
    }),
  );
  return linkCourse(lessons);
}
