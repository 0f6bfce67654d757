import type { Heading, Root as MdRoot } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SECTIONS, type SectionId } from './schema';

export interface RawSection {
  id: SectionId;
  title: string;
  markdown: string;
}

/**
 * Splits a lesson body at its `## ` headings and checks each against the known sections and their order, so a
 * typo in a heading fails loudly instead of silently dropping a section.
 */
export function splitSections(body: string): RawSection[] {
  const tree = unified().use(remarkParse).parse(body) as MdRoot;
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2);
  const preamble = body.slice(0, headings[0]?.position?.start.offset ?? body.length).trim();
  if (preamble) throw new Error('text before the first "## " heading; every paragraph belongs to a section');

  const sections: RawSection[] = [];
  let lastIndex = -1;
  headings.forEach((heading, i) => {
    const title = mdToString(heading).trim();
    const index = SECTIONS.findIndex((s) => s.title.toLowerCase() === title.toLowerCase());
    if (index === -1) {
      throw new Error(`unknown section "## ${title}"; sections are: ${SECTIONS.map((s) => s.title).join(', ')}`);
    }
    if (index <= lastIndex) {
      throw new Error(`section "## ${title}" is out of order or repeated; the order is: ${SECTIONS.map((s) => s.title).join(', ')}`);
    }
    lastIndex = index;
    const start = heading.position!.end.offset!;
    const end = headings[i + 1]?.position?.start.offset ?? body.length;
    sections.push({ id: SECTIONS[index]!.id, title: SECTIONS[index]!.title, markdown: body.slice(start, end).trim() });
  });
  return sections;
}
