import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { fieldAnchor, type SectionId } from './schema';

export interface GuideEntry {
  /** The heading text, e.g. `choices[0].finish_reason` or `RateLimitError`. */
  name: string;
  anchor: string;
  /** First paragraph under the heading, as plain text: the inspector's hover text. */
  summary: string;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Anchor for a sub-heading: field-guide entries and error classes get ids other parts of the app link to. */
export function subheadingAnchor(section: SectionId, text: string): string {
  if (section === 'field-guide') return fieldAnchor(text);
  if (section === 'error-recovery') return `error-${slugify(text)}`;
  return `${section}-${slugify(text)}`;
}

/** A rehype plugin giving every `### ` heading in a section its anchor and recording the guide entries. */
export function rehypeSubheadingAnchors(section: SectionId, entries: GuideEntry[]) {
  return () => (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'h3' || index === undefined || !parent) return;
      const name = toString(node).trim();
      const anchor = subheadingAnchor(section, name);
      node.properties = { ...node.properties, id: anchor };
      const next = parent.children.slice(index + 1).find((c): c is Element => c.type === 'element');
      entries.push({ name, anchor, summary: next?.tagName === 'p' ? toString(next).trim() : '' });
    });
  };
}
