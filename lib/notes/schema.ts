import { z } from 'zod';

/**
 * The one schema for a new note: the notes form validates with it in the browser and the API route validates the
 * request body with it on the server. No server-only imports here.
 */
export const NOTE_LIMITS = {
  /** Longest note body, in characters. A tip or fix, not an essay. */
  bodyMaxChars: 4_000,
  nameMaxChars: 40,
  /**
   * Deepest nesting of quotes, lists and indentation. The Markdown parser's cost grows steeply with depth (a few
   * thousand nested markers overflow its stack), so deep nesting is refused, not rendered.
   */
  maxNesting: 16,
  /**
   * Most table cells a note may make. GFM pads every row of a table to its header's width, so a wide header over
   * many short rows multiplies into far more cells than characters; 4 kB could otherwise ask for 600,000.
   */
  maxTableCells: 500,
  /** Largest request body the notes API reads, in bytes (the body cap in UTF-8 plus room for the other fields). */
  requestMaxBytes: 24 * 1024,
} as const;

// Control characters other than tab and newlines; Postgres cannot store NUL at all.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Bidirectional overrides would let a name reorder the text shown around it.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINER_MARKER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/**
 * How deeply the Markdown nests: per line (outside fenced code), block-quote and list markers at its start plus its
 * indentation in steps of two columns; the largest over all lines.
 */
export function nestingDepth(markdown: string): number {
  let deepest = 0;
  let fence: string | undefined;
  for (const rawLine of markdown.split(/\r\n|\r|\n/)) {
    if (fence) {
      if (rawLine.trimStart().startsWith(fence)) fence = undefined;
      continue;
    }
    let line = rawLine;
    let depth = 0;
    let indent = 0;
    for (;;) {
      const spaces = /^[ \t]*/.exec(line)?.[0] ?? '';
      indent += [...spaces].reduce((sum, ch) => sum + (ch === '\t' ? 4 : 1), 0);
      line = line.slice(spaces.length);
      const marker = CONTAINER_MARKER.exec(line);
      if (!marker) break;
      depth += 1;
      line = line.slice(marker[0].length);
    }
    const opened = FENCE.exec(line);
    if (opened?.[1]) fence = opened[1];
    deepest = Math.max(deepest, depth + Math.floor(indent / 2));
  }
  return deepest;
}

/**
 * The cells the note's tables would render: for each table (a header row, then a delimiter row of dashes and pipes),
 * its header's columns times its rows, the rows being the lines that follow until a blank line.
 */
export function tableCells(markdown: string): number {
  const lines = markdown.split(/\r?\n/);
  const columns = (line: string) =>
    line
      .replace(/^\s*\|/, '')
      .replace(/\|\s*$/, '')
      .split('|').length;
  let cells = 0;
  for (let i = 1; i < lines.length; i++) {
    if (!/^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(lines[i]!) || !lines[i - 1]!.includes('|'))
      continue;
    const width = columns(lines[i - 1]!);
    let rows = 1;
    while (i + rows < lines.length && lines[i + rows]!.trim() !== '') rows++;
    cells += width * rows;
    i += rows - 1;
  }
  return cells;
}

export const sdkVersionSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}\.\d{1,4}\.\d{1,4}$/, 'Use an exact version such as 7.57.0.')
  .describe('The `openai` npm SDK version the note applies to');

export const noteInputSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, 'Write your note first.')
    .max(
      NOTE_LIMITS.bodyMaxChars,
      `Keep it under ${NOTE_LIMITS.bodyMaxChars.toLocaleString('en-US')} characters.`,
    )
    .refine((body) => !CONTROL_CHARS.test(body), 'The note contains control characters.')
    .refine(
      (body) => nestingDepth(body) <= NOTE_LIMITS.maxNesting,
      `Quotes and lists may nest at most ${NOTE_LIMITS.maxNesting} levels deep.`,
    )
    .refine(
      (body) => tableCells(body) <= NOTE_LIMITS.maxTableCells,
      `Tables may have at most ${NOTE_LIMITS.maxTableCells.toLocaleString('en-US')} cells in all; make them smaller.`,
    )
    .describe('Markdown; raw HTML is left out, never rendered'),
  displayName: z
    .string()
    .trim()
    .min(1, 'Add a display name.')
    .max(NOTE_LIMITS.nameMaxChars, `Keep the name under ${NOTE_LIMITS.nameMaxChars} characters.`)
    .refine((name) => !CONTROL_CHARS.test(name) && !BIDI_CONTROLS.test(name) && !/[\r\n\t]/.test(name), {
      message: 'The name contains characters that cannot be shown.',
    })
    .describe('Shown above the note'),
  sdkVersion: sdkVersionSchema.optional().describe("Defaults to the lesson's SDK version"),
  /** Honeypot: hidden from people, filled in by bots. The route refuses any non-empty value. */
  website: z.string().max(500).optional(),
});

export type NoteInput = z.input<typeof noteInputSchema>;
export type ValidNote = z.output<typeof noteInputSchema>;

/** The major version of an exact SDK version string, e.g. 7 for 7.57.0. */
export function sdkMajor(version: string): number {
  return Number.parseInt(version, 10);
}

/** "written for openai 6" when a note targets an older SDK major than the lesson; otherwise undefined. */
export function olderSdkLabel(noteVersion: string, lessonVersion: string): string | undefined {
  const note = sdkMajor(noteVersion);
  return note < sdkMajor(lessonVersion) ? `written for openai ${note}` : undefined;
}

/** Field name to first message, for the form and the API's error envelope. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
