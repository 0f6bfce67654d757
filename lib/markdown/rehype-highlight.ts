import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { highlightToHast } from './highlight';

/**
 * Replaces each `<pre><code class="language-x">` with shiki's highlighted version. Runs after sanitizing, because
 * shiki's inline colour styles would otherwise be stripped; its output is built from the code's text alone, so it
 * cannot carry anything the sanitizer removed.
 */
export function rehypeHighlight() {
  return async (tree: Root) => {
    const jobs: Array<{ parent: Root | Element; index: number; code: string; lang?: string }> = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || index === undefined || !parent) return;
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      if (!code) return;
      const classes = (code.properties.className as string[] | undefined) ?? [];
      const lang = classes.find((c) => c.startsWith('language-'))?.slice('language-'.length);
      jobs.push({ parent, index, code: toString(code), lang });
    });
    for (const job of jobs) {
      job.parent.children[job.index] = await highlightToHast(job.code, job.lang);
    }
  };
}
