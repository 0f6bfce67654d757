import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Wide tables scroll sideways on phones; a keyboard user must be able to focus them to scroll. */
export function rehypeFocusableTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'table') node.properties = { ...node.properties, tabIndex: 0 };
    });
  };
}
