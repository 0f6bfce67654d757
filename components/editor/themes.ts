import type * as api from 'monaco-editor/editor';

/**
 * Tokenwise's own editor themes. Monaco's built-in `vs`/`vs-dark` colours fail WCAG AA for some tokens (the dark
 * theme's comments, for one), and the accessibility tests check the editor on every page that has one. So neither
 * theme inherits Monaco's token rules: every colour a token or a line number can take is listed here, and
 * `tests/unit/editor-themes.test.ts` checks each against every background text can sit on (≥ 4.5:1).
 *
 * Plain data without Monaco itself, so the unit test can import it. Colours are `#rrggbb` (no alpha) except the
 * backgrounds marked as overlays, which Monaco paints over the editor background.
 */
type Theme = api.editor.IStandaloneThemeData;

interface Palette {
  background: string;
  foreground: string;
  comment: string;
  keyword: string;
  string: string;
  escape: string;
  number: string;
  type: string;
  regexp: string;
  invalid: string;
  lineNumber: string;
  lineNumberActive: string;
  brackets: [string, string, string];
  lineHighlight: string;
  selection: string;
  /** Overlays with alpha: drawn over the background in the solution diff. */
  inserted: string;
  removed: string;
}

const light: Palette = {
  background: '#ffffff',
  foreground: '#27272a',
  comment: '#57606a',
  keyword: '#7a3fd6',
  string: '#0a3069',
  escape: '#6639ba',
  number: '#0550ae',
  type: '#065f4a',
  regexp: '#116329',
  invalid: '#b91c1c',
  lineNumber: '#57606a',
  lineNumberActive: '#27272a',
  brackets: ['#0550ae', '#7a3fd6', '#953800'],
  lineHighlight: '#f4f4f5',
  selection: '#add6ff',
  inserted: '#10a37f14',
  removed: '#cf222e12',
};

const dark: Palette = {
  background: '#18181b',
  foreground: '#e4e4e7',
  comment: '#b4b4bb',
  keyword: '#d2a8ff',
  string: '#a5d6ff',
  escape: '#ffa657',
  number: '#79c0ff',
  type: '#6ee7c0',
  regexp: '#7ee787',
  invalid: '#ffaba4',
  lineNumber: '#b4b4bb',
  lineNumberActive: '#f4f4f5',
  brackets: ['#ffd700', '#e49be0', '#79c0ff'],
  lineHighlight: '#27272a',
  selection: '#264f78',
  inserted: '#10a37f26',
  removed: '#ff7b7226',
};

const hex = (colour: string) => colour.replace('#', '');

/** One rule per token class the TypeScript tokenizer emits (Monaco matches a rule by prefix: `string` covers `string.ts`). */
function rules(p: Palette): Theme['rules'] {
  return [
    { token: '', foreground: hex(p.foreground), background: hex(p.background) },
    { token: 'identifier', foreground: hex(p.foreground) },
    { token: 'delimiter', foreground: hex(p.foreground) },
    { token: 'comment', foreground: hex(p.comment), fontStyle: 'italic' },
    { token: 'keyword', foreground: hex(p.keyword) },
    { token: 'string', foreground: hex(p.string) },
    { token: 'string.escape', foreground: hex(p.escape) },
    { token: 'string.invalid', foreground: hex(p.invalid) },
    { token: 'number', foreground: hex(p.number) },
    { token: 'type', foreground: hex(p.type) },
    { token: 'regexp', foreground: hex(p.regexp) },
    { token: 'regexp.escape', foreground: hex(p.escape) },
    { token: 'regexp.invalid', foreground: hex(p.invalid) },
    { token: 'invalid', foreground: hex(p.invalid) },
  ];
}

/** Colours Monaco draws text in, outside the token rules. */
export const TEXT_COLOURS = [
  'editor.foreground',
  'editorLineNumber.foreground',
  'editorLineNumber.activeForeground',
  'editorBracketHighlight.foreground1',
  'editorBracketHighlight.foreground2',
  'editorBracketHighlight.foreground3',
  'editorBracketHighlight.foreground4',
  'editorBracketHighlight.foreground5',
  'editorBracketHighlight.foreground6',
  'editorBracketHighlight.unexpectedBracket.foreground',
] as const;

/** Backgrounds text can sit on; the ones with alpha are overlays on `editor.background`. */
export const TEXT_BACKGROUNDS = [
  'editor.background',
  'editor.lineHighlightBackground',
  'diffEditor.insertedTextBackground',
  'diffEditor.removedTextBackground',
  'diffEditor.insertedLineBackground',
  'diffEditor.removedLineBackground',
] as const;

function colours(p: Palette): Theme['colors'] {
  const [b1, b2, b3] = p.brackets;
  return {
    'editor.background': p.background,
    'editor.foreground': p.foreground,
    'editorLineNumber.foreground': p.lineNumber,
    'editorLineNumber.activeForeground': p.lineNumberActive,
    'editor.lineHighlightBackground': p.lineHighlight,
    'editor.lineHighlightBorder': p.lineHighlight,
    'editor.selectionBackground': p.selection,
    'editorBracketHighlight.foreground1': b1,
    'editorBracketHighlight.foreground2': b2,
    'editorBracketHighlight.foreground3': b3,
    'editorBracketHighlight.foreground4': b1,
    'editorBracketHighlight.foreground5': b2,
    'editorBracketHighlight.foreground6': b3,
    'editorBracketHighlight.unexpectedBracket.foreground': p.invalid,
    'diffEditor.insertedTextBackground': p.inserted,
    'diffEditor.removedTextBackground': p.removed,
    'diffEditor.insertedLineBackground': p.inserted,
    'diffEditor.removedLineBackground': p.removed,
  };
}

export const THEMES = {
  'tokenwise-light': { base: 'vs', inherit: false, rules: rules(light), colors: colours(light) },
  'tokenwise-dark': { base: 'vs-dark', inherit: false, rules: rules(dark), colors: colours(dark) },
} satisfies Record<string, Theme>;

export type ThemeName = keyof typeof THEMES;

export function themeFor(dark: boolean): ThemeName {
  return dark ? 'tokenwise-dark' : 'tokenwise-light';
}
