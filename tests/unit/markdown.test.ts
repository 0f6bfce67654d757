import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown/render';

const untrusted = (md: string) => renderMarkdown(md, { trusted: false });

describe('renderMarkdown, untrusted', () => {
  it('renders GFM', async () => {
    const html = await untrusted('**bold** ~~gone~~\n\n| a | b |\n| - | - |\n| 1 | 2 |');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<table');
  });

  it('never renders raw HTML', async () => {
    const html = await untrusted('<script>alert(1)</script><b onclick="x()">hi</b><iframe src="https://x"></iframe>');
    expect(html).not.toMatch(/<script|<b|onclick|<iframe/);
  });

  it('keeps only http, https, mailto and relative links', async () => {
    const html = await untrusted('[a](javascript:alert(1)) [b](data:text/html,x) [c](https://ok.example) [d](/lessons/x) [e](mailto:a@b.c) [f](vbscript:x)');
    expect(html).not.toMatch(/javascript:|data:|vbscript:/);
    expect(html).toContain('href="https://ok.example"');
    expect(html).toContain('href="/lessons/x"');
    expect(html).toContain('href="mailto:a@b.c"');
  });

  it('drops images, so notes cannot load from other hosts', async () => {
    expect(await untrusted('![x](https://tracker.example/p.gif)')).not.toContain('<img');
  });

  it('prefixes user ids so they cannot clobber the page', async () => {
    const html = await untrusted('Footnote[^main]\n\n[^main]: text');
    expect(html).not.toMatch(/id="(main|__next)"/);
    expect(html).toMatch(/id="user-content-/);
  });

  it('highlights fenced code after sanitizing', async () => {
    const html = await untrusted('```ts\nconst a = 1;\n```');
    expect(html).toContain('class="shiki');
    expect(html).toContain('--shiki-dark');
  });
});

describe('renderMarkdown, trusted lessons', () => {
  it('allows details and summary but still strips scripts and handlers', async () => {
    const html = await renderMarkdown('<details><summary>Hint</summary>\n\nText\n\n</details>\n\n<img src=x onerror="alert(1)"><script>x()</script>', { trusted: true });
    expect(html).toContain('<details><summary>Hint</summary>');
    expect(html).not.toMatch(/onerror|<script/);
  });
});

describe('renderMarkdown, footnotes in untrusted text', () => {
  it('links each footnote reference to an id that exists', async () => {
    const html = await untrusted('See[^1].\n\n[^1]: The note.');
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(ids, `#${href} has no target`).toContain(href);
  });
});
