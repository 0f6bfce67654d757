import 'server-only';
import { createHash } from 'node:crypto';
import type { Element, Root, RootContent } from 'hast';
import { renderMarkdown } from '@/lib/markdown/render';
import { NoteError } from './errors';

/** A note that takes longer than this to render is refused when posted (legitimate notes take a few ms). */
export const RENDER_BUDGET_MS = 1_000;
/** A note whose HTML is larger than this is refused: 4,000 characters of Markdown never legitimately need more. */
export const MAX_HTML_CHARS = 64 * 1024;
const CACHE_SIZE = 2_000;
const cache = new Map<string, string>();

/**
 * Note headings sit under the page's "Community notes" heading (an h2): `#` becomes h3, `##` h4 and so on, so a note
 * can never add a second h1 to the lesson page. No heading goes more than one level below the one before it (a
 * note that jumps from `#` to `####`, or the footnotes' own h2, would otherwise skip levels: screen readers' heading
 * lists, and axe's heading-order rule, read the page as one outline).
 */
export function demoteHeadings() {
  return (tree: Root) => {
    let previous = 2;
    const visit = (node: Root | RootContent) => {
      if (node.type === 'element') {
        const level = /^h([1-6])$/.exec(node.tagName)?.[1];
        if (level) {
          const at = Math.max(3, Math.min(Number(level) + 2, previous + 1, 6));
          (node as Element).tagName = `h${at}`;
          previous = at;
        }
      }
      if ('children' in node) node.children.forEach(visit);
    };
    visit(tree);
  };
}

const key = (body: string) => createHash('sha256').update(body).digest('base64url');

/** Stands in for a stored note that cannot be rendered (it could not have been posted, but data outlives code). */
export const UNRENDERABLE_HTML = '<p><em>This note could not be displayed.</em></p>';

function remember(cacheKey: string, html: string): string {
  cache.delete(cacheKey);
  cache.set(cacheKey, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return html;
}

/**
 * A note's Markdown as sanitized HTML, through the app's one untrusted-Markdown pipeline. Bodies never change, so
 * each is rendered once per process (least recently used out first).
 */
export async function renderNote(body: string): Promise<string> {
  const cacheKey = key(body);
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return remember(cacheKey, cached);
  try {
    return remember(cacheKey, await renderMarkdown(body, { trusted: false, plugins: [demoteHeadings] }));
  } catch {
    return UNRENDERABLE_HTML;
  }
}

/** Renders a new note once before it is stored: one that breaks or stalls the renderer is refused. */
export async function checkRenderable(body: string): Promise<void> {
  const started = performance.now();
  let html: string;
  try {
    html = await renderMarkdown(body, { trusted: false, plugins: [demoteHeadings] });
  } catch {
    throw new NoteError('note_too_complex', 'This note is too complex to display; simplify its formatting.', {
      fields: { body: 'This note is too complex to display; simplify its formatting.' },
    });
  }
  if (performance.now() - started > RENDER_BUDGET_MS || html.length > MAX_HTML_CHARS) {
    throw new NoteError('note_too_complex', 'This note is too complex to display; simplify its formatting.', {
      fields: { body: 'This note is too complex to display; simplify its formatting.' },
    });
  }
  remember(key(body), html);
}
