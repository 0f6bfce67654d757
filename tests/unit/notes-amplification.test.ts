import { describe, expect, it } from 'vitest';
import { createPerClientLimiter } from '@/lib/limits/per-client';
import { renderNote } from '@/lib/notes/render';
import { NOTE_LIMITS, noteInputSchema, tableCells } from '@/lib/notes/schema';

/** Issue 10, finding 3: a 4 kB note must not be able to ask for hundreds of thousands of table cells. */
const note = (body: string) => ({ body, displayName: 'Ada' });

describe('note tables', () => {
  it('counts the cells GFM would render: header width times rows', () => {
    expect(tableCells('| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |')).toBe(6);
    expect(tableCells('a | b | c\n--- | --- | ---\nx\ny\n\nafter the table')).toBe(9);
    expect(tableCells('no | table here\njust text')).toBe(0);
  });

  it('refuses a wide header over many one-cell rows at once, before anything renders it', () => {
    const header = `|${' h |'.repeat(300)}\n|${'-|'.repeat(300)}\n`;
    const body = (header + 'x\n'.repeat(2_000)).slice(0, NOTE_LIMITS.bodyMaxChars);
    const started = performance.now();
    const parsed = noteInputSchema.safeParse(note(body));
    expect(performance.now() - started).toBeLessThan(50);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/at most 500 cells/);
  });

  it('accepts and renders a table a learner would write', async () => {
    const body = '| Model | Input |\n| --- | ---: |\n| gpt-4o | $2.50 |\n| gpt-4o-mini | $0.15 |';
    expect(noteInputSchema.safeParse(note(body)).success).toBe(true);
    expect(await renderNote(body)).toContain('<table');
  });

  it('the largest table the cap allows still renders quickly', async () => {
    const body = `|${' h |'.repeat(10)}\n|${'-|'.repeat(10)}\n${'| x | x | x | x | x | x | x | x | x | x |\n'.repeat(49)}`;
    expect(tableCells(body)).toBeLessThanOrEqual(NOTE_LIMITS.maxTableCells);
    expect(noteInputSchema.safeParse(note(body.slice(0, NOTE_LIMITS.bodyMaxChars))).success).toBe(true);
    const cpu = process.cpuUsage();
    await renderNote(body);
    // CPU time, not wall time, so a busy machine does not fail it.
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1000).toBeLessThan(1_500);
  });
});

describe('per-client attempt limits', () => {
  it('admits so many a minute per address, then answers 429 with retry-after', async () => {
    const limiter = createPerClientLimiter('test-notes', 3, 'note posts');
    for (let i = 0; i < 3; i++) await limiter.admit('198.51.100.7');
    await expect(limiter.admit('198.51.100.7')).rejects.toMatchObject({
      status: 429,
      message: expect.stringContaining('note posts'),
    });
    await expect(limiter.admit('198.51.100.8')).resolves.toBeUndefined();
  });
});
