import matter from 'gray-matter';
import { findModel } from '@/lib/models/catalog';
import { renderMarkdown } from '@/lib/markdown/render';
import { highlightToHtml } from '@/lib/markdown/highlight';
import { rehypeSubheadingAnchors, type GuideEntry } from './anchors';
import { expandPlaceholders } from './placeholders';
import { frontmatterSchema, type Frontmatter } from './schema';
import { splitSections } from './sections';
import type { Lesson, LessonSection } from './types';

/** A problem in a lesson's files, naming the file and, where there is one, the field. */
export class LessonError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'LessonError';
  }
}

export const FOLDER_PATTERN = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export interface LessonFiles {
  /** Folder name, e.g. `01-chat-completions`. */
  folder: string;
  index: string;
  starterTs: string;
  solutionTs: string;
  starterPy: string;
}

export function parseFrontmatter(file: string, data: unknown): Frontmatter {
  const result = frontmatterSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `frontmatter.${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new LessonError(file, problems.join('; '));
  }
  if (!findModel(result.data.model)) {
    throw new LessonError(file, `frontmatter.model: "${result.data.model}" is not in lib/models/catalog.ts`);
  }
  return result.data;
}

/** Turns one lesson folder's files into a rendered lesson (without prev/next, which the course links). */
export async function parseLesson(files: LessonFiles): Promise<Lesson> {
  const match = FOLDER_PATTERN.exec(files.folder);
  if (!match) throw new LessonError(`lessons/${files.folder}`, 'folder name must look like 01-some-slug');
  const file = `lessons/${files.folder}/index.md`;

  let parsed: matter.GrayMatterFile<string>;
  try {
    // An empty options object stops gray-matter from caching by content, which would hide edits in dev.
    parsed = matter(files.index, {});
  } catch (error) {
    throw new LessonError(file, `frontmatter is not valid YAML: ${(error as Error).message}`);
  }
  const frontmatter = parseFrontmatter(file, parsed.data);

  let raw;
  try {
    raw = splitSections(expandPlaceholders(parsed.content));
  } catch (error) {
    throw new LessonError(file, (error as Error).message);
  }

  const fieldGuide: GuideEntry[] = [];
  const errorGuide: GuideEntry[] = [];
  const sections: LessonSection[] = [];
  for (const section of raw) {
    const entries = section.id === 'field-guide' ? fieldGuide : section.id === 'error-recovery' ? errorGuide : [];
    const html = await renderMarkdown(section.markdown, {
      trusted: true,
      plugins: [rehypeSubheadingAnchors(section.id, entries)],
    });
    sections.push({ id: section.id, title: section.title, html });
  }
  for (const required of ['learn', 'explanation'] as const) {
    if (!sections.some((s) => s.id === required)) {
      throw new LessonError(file, `missing the "${required}" section`);
    }
  }

  return {
    slug: match[2]!,
    order: Number(match[1]),
    folder: files.folder,
    frontmatter,
    sections,
    fieldGuide,
    errorGuide,
    example: {
      typescript: { code: files.starterTs, html: await highlightToHtml(files.starterTs, 'typescript') },
      python: { code: files.starterPy, html: await highlightToHtml(files.starterPy, 'python') },
    },
    solution: { typescript: files.solutionTs },
  };
}

/** Orders lessons by their number prefix and links each to its neighbours. */
export function linkCourse(lessons: Lesson[]): Lesson[] {
  const sorted = [...lessons].sort((a, b) => a.order - b.order);
  const seen = new Map<string, string>();
  for (const lesson of sorted) {
    const clash = seen.get(lesson.slug) ?? sorted.find((l) => l !== lesson && l.order === lesson.order)?.folder;
    if (clash) throw new LessonError(`lessons/${lesson.folder}`, `clashes with lessons/${clash} (same slug or number)`);
    seen.set(lesson.slug, lesson.folder);
  }
  return sorted.map((lesson, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    return {
      ...lesson,
      prev: prev && { slug: prev.slug, title: prev.frontmatter.title },
      next: next && { slug: next.slug, title: next.frontmatter.title },
    };
  });
}
