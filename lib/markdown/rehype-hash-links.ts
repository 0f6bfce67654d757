import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * The sanitizer prefixes ids (so text cannot clobber the page's own) but not the `#fragment` links that point at
 * them, such as footnotes; point those links at the prefixed ids. Links to ids the page itself gives (section and
 * field anchors, added after sanitizing) are written by the loader, not in Markdown, so they are not affected.
 */
export function rehypePrefixHashLinks(prefix: string) {
  return (tree: Root) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && ids.has(prefix + href.slice(1))) {
        node.properties.href = `#${prefix}${href.slice(1)}`;
      }
    });
  };
}
