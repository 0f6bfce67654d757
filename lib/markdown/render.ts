import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin } from 'unified';
import { rehypeHighlight } from './rehype-highlight';
import { rehypeFocusableTables } from './rehype-tables';
import { rehypePrefixHashLinks } from './rehype-hash-links';

/**
 * The one Markdown pipeline. Lessons (trusted, from the repo) and community notes (untrusted) both go through
 * rehype-sanitize; they differ only in how much the sanitizer lets through.
 */
export interface RenderOptions {
  /** Lesson files may use `<details>`/`<summary>` HTML; user text never renders raw HTML. */
  trusted: boolean;
  /** Extra rehype plugins that run after sanitizing and before highlighting (e.g. lesson heading anchors). */
  plugins?: Array<Plugin<[], Root>>;
}

const trustedSchema: SanitizeSchema = {
  ...defaultSchema,
  // Lesson authors write ids through the loader, not by hand; keep the prefix so a heading cannot clobber the app.
  clobberPrefix: 'lesson-',
};

const USER_PREFIX = 'user-content-';

/** For user Markdown: no raw HTML, no images, only web and mail links. */
export const untrustedSchema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: USER_PREFIX,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !['img', 'picture', 'source', 'input'].includes(tag)),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], cite: ['http', 'https'] },
};

export async function renderMarkdown(source: string, options: RenderOptions): Promise<string> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    // Ids are prefixed once, by the sanitizer; in-page links are then pointed at the prefixed ids.
    .use(remarkRehype, { allowDangerousHtml: options.trusted, clobberPrefix: '' });
  if (options.trusted) processor.use(rehypeRaw);
  processor.use(rehypeSanitize, options.trusted ? trustedSchema : untrustedSchema);
  processor.use(rehypePrefixHashLinks, options.trusted ? 'lesson-' : USER_PREFIX);
  for (const plugin of options.plugins ?? []) processor.use(plugin);
  processor.use(rehypeFocusableTables).use(rehypeHighlight).use(rehypeStringify);
  return String(await processor.process(source));
}
