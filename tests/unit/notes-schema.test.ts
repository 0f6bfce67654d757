import { describe, expect, test } from 'vitest';
import { NOTE_LIMITS, nestingDepth, noteInputSchema, olderSdkLabel, sdkMajor } from '@/lib/notes/schema';

const valid = {
  body: 'Pass `maxRetries: 0` to see the first 429 yourself.',
  displayName: 'Ada',
  sdkVersion: '7.57.0',
};
const issues = (input: unknown) => {
  const result = noteInputSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('the note schema (shared by the form and the API)', () => {
  test('accepts a normal note and trims it', () => {
    const parsed = noteInputSchema.parse({ ...valid, body: `  ${valid.body}\n`, displayName: ' Ada ' });
    expect(parsed).toEqual(valid);
    expect(noteInputSchema.parse({ body: 'ok', displayName: 'B' }).sdkVersion).toBeUndefined();
  });

  test('refuses empty, oversized and malformed fields', () => {
    expect(issues({ ...valid, body: '   ' })).toEqual(['body: Write your note first.']);
    expect(issues({ ...valid, displayName: '' })).toEqual(['displayName: Add a display name.']);
    expect(issues({ ...valid, displayName: 'x'.repeat(41) })[0]).toMatch(
      /^displayName: Keep the name under 40/,
    );
    expect(issues({ ...valid, sdkVersion: 'latest' })).toEqual([
      'sdkVersion: Use an exact version such as 7.57.0.',
    ]);
    expect(issues({ ...valid, sdkVersion: '7.57' })).toHaveLength(1);
    expect(issues({ body: 1, displayName: valid.displayName })).toHaveLength(1);
    expect(issues(null)).toHaveLength(1);
  });

  test('refuses a 200 kB note', () => {
    const body = 'a'.repeat(200 * 1024);
    expect(issues({ ...valid, body })[0]).toMatch(/^body: Keep it under 4,000 characters/);
    expect(issues({ ...valid, body: 'a'.repeat(NOTE_LIMITS.bodyMaxChars) })).toEqual([]);
  });

  test('refuses control characters and direction overrides in names', () => {
    expect(issues({ ...valid, body: 'nul \u0000 byte' })).toEqual([
      'body: The note contains control characters.',
    ]);
    expect(issues({ ...valid, displayName: 'Ada\u202Egnp.exe' })).toHaveLength(1);
    expect(issues({ ...valid, displayName: 'Ada\nLovelace' })).toHaveLength(1);
    expect(issues({ ...valid, body: 'tabs\tand\nnewlines\r\nare fine' })).toEqual([]);
  });

  test('refuses 10,000 nested quotes, and any nesting deeper than the limit', () => {
    expect(issues({ ...valid, body: '>'.repeat(10_000) + ' deep' }).length).toBeGreaterThan(0);
    expect(issues({ ...valid, body: '> '.repeat(NOTE_LIMITS.maxNesting + 1) + 'deep' })).toEqual([
      'body: Quotes and lists may nest at most 16 levels deep.',
    ]);
    expect(issues({ ...valid, body: '> '.repeat(NOTE_LIMITS.maxNesting) + 'deep enough' })).toEqual([]);
  });
});

describe('nestingDepth', () => {
  test('counts quote and list markers and indentation', () => {
    expect(nestingDepth('plain text')).toBe(0);
    expect(nestingDepth('> quote')).toBe(1);
    expect(nestingDepth('>>> three')).toBe(3);
    expect(nestingDepth('> - > 1. mixed')).toBe(4);
    expect(nestingDepth('- a\n  - b\n    - c')).toBe(3);
    expect(nestingDepth('- '.repeat(50) + 'x')).toBe(50);
    expect(nestingDepth('\t\t- tabbed')).toBe(5);
  });

  test('does not count what looks like markers inside fenced code, or ordinary punctuation', () => {
    expect(nestingDepth('```\n> > > > > > > > > >\n```\nafter')).toBe(0);
    expect(nestingDepth('~~~js\n          deeply.indented()\n~~~')).toBe(0);
    expect(nestingDepth('-not a list\n2024.05 is a date\n*emphasis*')).toBe(0);
  });
});

describe('SDK version labels', () => {
  test('labels notes written for an older major than the lesson', () => {
    expect(sdkMajor('7.57.0')).toBe(7);
    expect(olderSdkLabel('6.9.1', '7.57.0')).toBe('written for openai 6');
    expect(olderSdkLabel('4.0.0', '7.57.0')).toBe('written for openai 4');
    expect(olderSdkLabel('7.1.0', '7.57.0')).toBeUndefined();
    expect(olderSdkLabel('8.0.0', '7.57.0')).toBeUndefined();
  });
});
