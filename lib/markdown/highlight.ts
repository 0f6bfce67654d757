import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { Element, Root } from 'hast';
import { withAccessibleColors } from './contrast';

/** The lightest background code sits on in the light theme (zinc-100), so every colour passes on all of them. */
const CODE_BACKGROUND_LIGHT = '#f4f4f5';

/**
 * Syntax highlighting with grammars and themes from the installed shiki package (never fetched), using the
 * JavaScript regex engine so no WebAssembly has to load. Two themes: the page picks one by colour scheme.
 */
const LANGUAGES = ['typescript', 'javascript', 'python', 'bash', 'json', 'yaml', 'http'] as const;
const ALIASES: Record<string, (typeof LANGUAGES)[number]> = {
  ts: 'typescript',
  js: 'javascript',
  py: 'python',
  sh: 'bash',
  shell: 'bash',
  console: 'bash',
  yml: 'yaml',
};

let highlighter: Promise<HighlighterCore> | undefined;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [
      // The light theme's weakest colours are darkened to AA on the code background (see contrast.ts).
      import('shiki/dist/themes/github-light.mjs').then((m) =>
        withAccessibleColors(m.default, CODE_BACKGROUND_LIGHT),
      ),
      import('shiki/dist/themes/github-dark-default.mjs'),
    ],
    langs: [
      import('shiki/dist/langs/typescript.mjs'),
      import('shiki/dist/langs/javascript.mjs'),
      import('shiki/dist/langs/python.mjs'),
      import('shiki/dist/langs/bash.mjs'),
      import('shiki/dist/langs/json.mjs'),
      import('shiki/dist/langs/yaml.mjs'),
      import('shiki/dist/langs/http.mjs'),
    ],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

function resolveLanguage(name: string | undefined): string {
  if (!name) return 'text';
  const lower = name.toLowerCase();
  if ((LANGUAGES as readonly string[]).includes(lower)) return lower;
  return ALIASES[lower] ?? 'text';
}

/** Highlights source code to a hast `<pre>` element. */
export async function highlightToHast(code: string, language: string | undefined): Promise<Element> {
  const shiki = await getHighlighter();
  const root = shiki.codeToHast(code.replace(/\n$/, ''), {
    lang: resolveLanguage(language),
    themes: { light: 'github-light', dark: 'github-dark-default' },
    defaultColor: 'light',
  }) as Root;
  const pre = root.children.find(
    (node): node is Element => node.type === 'element' && node.tagName === 'pre',
  );
  if (!pre) throw new Error('shiki returned no <pre>');
  return pre;
}

/** Highlights source code to an HTML string (used for the lesson's example files). */
export async function highlightToHtml(code: string, language: string): Promise<string> {
  const { toHtml } = await import('hast-util-to-html');
  return toHtml(await highlightToHast(code, language));
}
