import 'server-only';
import type { Lesson } from '@/lib/lessons/types';
import type { SearchDocument } from './options';

/** Our own sanitized HTML to plain text: tags out, the few entities the pipeline writes back in. */
function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text kept per document: enough to match on, small enough that the index stays a few hundred kB at most. */
const MAX_TEXT = 4_000;

/** Every lesson, section and `### ` sub-heading (field-guide entries and error classes among them), as documents. */
export function searchDocuments(lessons: Lesson[]): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const lesson of lessons) {
    const base = `/lessons/${lesson.slug}`;
    const lessonTitle = lesson.frontmatter.title;
    docs.push({
      id: lesson.slug,
      kind: 'lesson',
      title: lessonTitle,
      lessonTitle,
      href: base,
      text: lesson.frontmatter.summary,
    });
    for (const section of lesson.sections) {
      // The section's own text runs up to its first sub-heading; each sub-heading is a document of its own.
      const pieces = section.html.split(/(?=<h3[\s>])/);
      const intro = pieces[0]?.startsWith('<h3') ? '' : (pieces.shift() ?? '');
      const subs = pieces;
      docs.push({
        id: `${lesson.slug}#${section.id}`,
        kind: 'section',
        title: section.title,
        lessonTitle,
        href: `${base}#${section.id}`,
        text: plain(intro).slice(0, MAX_TEXT),
      });
      for (const sub of subs) {
        const id = /^<h3[^>]*\sid="([^"]+)"/.exec(sub)?.[1];
        const heading = /^<h3[^>]*>([\s\S]*?)<\/h3>/.exec(sub)?.[1];
        if (!id || heading === undefined) continue;
        const kind =
          section.id === 'field-guide' ? 'field' : section.id === 'error-recovery' ? 'error' : 'topic';
        docs.push({
          id: `${lesson.slug}#${id}`,
          kind,
          title: plain(heading),
          lessonTitle,
          href: `${base}#${id}`,
          text: plain(sub.slice(sub.indexOf('</h3>') + 5)).slice(0, MAX_TEXT),
        });
      }
    }
  }
  return docs;
}
