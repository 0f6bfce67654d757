import type { GuideEntry } from './anchors';
import type { Frontmatter, SectionId } from './schema';

export interface LessonSection {
  id: SectionId;
  title: string;
  /** Sanitized, highlighted HTML. */
  html: string;
}

export interface CodeFile {
  code: string;
  /** Highlighted HTML for read-only display. */
  html: string;
}

export interface LessonLink {
  slug: string;
  title: string;
}

export interface Lesson {
  slug: string;
  /** 1-based position from the folder's number prefix. */
  order: number;
  /** Folder name under `lessons/`, e.g. `01-chat-completions`. */
  folder: string;
  frontmatter: Frontmatter;
  sections: LessonSection[];
  fieldGuide: GuideEntry[];
  errorGuide: GuideEntry[];
  example: { typescript: CodeFile; python: CodeFile };
  solution: { typescript: string };
  prev?: LessonLink;
  next?: LessonLink;
}

/** What the course index needs; no HTML. */
export type LessonSummary = Pick<Lesson, 'slug' | 'order'> &
  Pick<Frontmatter, 'title' | 'summary' | 'level' | 'minutes' | 'tags'>;

export function summarize(lesson: Lesson): LessonSummary {
  const { title, summary, level, minutes, tags } = lesson.frontmatter;
  return { slug: lesson.slug, order: lesson.order, title, summary, level, minutes, tags };
}
