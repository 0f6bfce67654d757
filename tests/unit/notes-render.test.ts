import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, test } from 'vitest';
import { checkRenderable, renderNote } from '@/lib/notes/render';
import { NOTE_LIMITS, noteInputSchema } from '@/lib/notes/schema';
import { XSS_CORPUS } from '@/tests/support/xss-corpus';

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

const FORBIDDEN_ELEMENTS = new Set(
  'script iframe frame frameset object embed style link meta base form input button select textarea svg math img picture source video audio template noscript'.split(
    ' ',
  ),
);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'srcdoc',
  'srcset',
  'data',
  'poster',
]);

function* elements(nodes: Node[]): Generator<Element> {
  for (const node of nodes) {
    if ('tagName' in node) {
      yield node;
      yield* elements(node.childNodes);
    }
  }
}

/** Everything that would let a note run script, load from elsewhere or clobber the page; empty when safe. */
function problems(html: string): string[] {
  const found: string[] = [];
  for (const element of elements(parseFragment(html).childNodes)) {
    const insideShiki = element.tagName === 'pre' || element.tagName === 'span' || element.tagName === 'code';
    if (FORBIDDEN_ELEMENTS.has(element.tagName)) found.push(`<${element.tagName}>`);
    for (const { name, value } of element.attrs) {
      if (/^on/i.test(name)) found.push(`${name} attribute`);
      if (name === 'style' && !insideShiki) found.push(`style on <${element.tagName}>`);
      if (URL_ATTRIBUTES.has(name)) {
        // Browsers ignore leading spaces and control characters and strip tabs and newlines inside the scheme.
        const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (/^(javascript|vbscript|livescript|data):/.test(url)) found.push(`${name}=${value}`);
        if (name !== 'href') found.push(`${name} attribute`);
      }
      if ((name === 'id' || name === 'name') && !value.startsWith('user-content-'))
        found.push(`${name}=${value}`);
    }
  }
  return found;
}

describe('notes render through the untrusted Markdown pipeline', () => {
  test('the corpus holds at least 100 distinct vectors', () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(XSS_CORPUS.map((v) => v.payload)).size).toBe(XSS_CORPUS.length);
  });

  test.each(XSS_CORPUS)('$name: nothing that runs, loads or clobbers', async ({ payload }) => {
    const html = await renderNote(payload);
    expect(problems(html)).toEqual([]);
  });

  test('the checker itself catches what it must', () => {
    expect(problems('<img src=x onerror=alert(1)>').sort()).toEqual([
      '<img>',
      'onerror attribute',
      'src attribute',
    ]);
    expect(problems('<a href=" java\tscript:alert(1)">x</a>')).toHaveLength(1);
    expect(problems('<div id="__next"></div>')).toEqual(['id=__next']);
    expect(problems('<p style="position:fixed">x</p>')).toEqual(['style on <p>']);
  });

  test('keeps ordinary Markdown: emphasis, code, safe links, tables', async () => {
    const html = await renderNote(
      '**Tip:** pass `maxRetries: 0`.\n\nSee [the docs](https://platform.openai.com/docs), [a lesson](/lessons/x) or [mail](mailto:a@example.com).\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
    expect(html).toContain('<strong>Tip:</strong>');
    expect(html).toContain('<code>maxRetries: 0</code>');
    expect(html).toContain('href="https://platform.openai.com/docs"');
    expect(html).toContain('href="/lessons/x"');
    expect(html).toContain('href="mailto:a@example.com"');
    expect(html).toContain('<table');
  });

  test('note headings are demoted below the "Community notes" h2, never skipping a level', async () => {
    const html = await renderNote('# One\n\n## Two\n\n### Three\n\n###### Six');
    expect(html).toBe('<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>\n<h6>Six</h6>');
    expect(await renderNote('#### Deep first\n\n# Then top')).toBe('<h3>Deep first</h3>\n<h3>Then top</h3>');
    expect(await renderNote('# A\n\n#### B')).toBe('<h3>A</h3>\n<h4>B</h4>');
  });

  test('a footnote section’s heading follows the note’s own headings without a gap', async () => {
    const html = await renderNote('# Title\n\nText[^1]\n\n[^1]: a footnote');
    const levels = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(3);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(levels.length).toBeGreaterThan(1);
  });

  test('user-provided ids are prefixed so they cannot clobber the page', async () => {
    const html = await renderNote('Text[^__next]\n\n[^__next]: a footnote');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^user-content-/);
  });
});

describe('pathological notes', () => {
  test('10,000 nested quotes are refused before they reach the renderer', () => {
    const body = '>'.repeat(10_000) + ' deep';
    expect(noteInputSchema.safeParse({ body, displayName: 'A' }).success).toBe(false);
  });

  test('the deepest nesting allowed renders in under 200 ms', async () => {
    await renderNote('warm-up');
    for (const body of [
      '>'.repeat(NOTE_LIMITS.maxNesting) + ' deep',
      '- '.repeat(NOTE_LIMITS.maxNesting) + 'deep',
      Array.from({ length: NOTE_LIMITS.maxNesting }, (_, i) => '  '.repeat(i) + '- level').join('\n'),
    ]) {
      expect(noteInputSchema.safeParse({ body, displayName: 'A' }).success).toBe(true);
      const started = performance.now();
      await checkRenderable(body);
      expect(performance.now() - started).toBeLessThan(200);
    }
  });

  test('a note that breaks the renderer is refused with note_too_complex', async () => {
    // Deeper than the schema allows: the render check is the second line of defence.
    await expect(checkRenderable('>'.repeat(6_000) + ' x')).rejects.toMatchObject({
      code: 'note_too_complex',
      status: 422,
    });
  });
});
