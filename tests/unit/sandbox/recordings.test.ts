import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRecordings } from '@/lib/backends/sandbox/recordings';

const temp: string[] = [];
function lessons(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-recordings-'));
  temp.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => temp.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('loadRecordings', () => {
  it("loads the app's own lessons' recordings", () => {
    const recordings = loadRecordings(path.join(process.cwd(), 'lessons'));
    expect(recordings.size).toBeGreaterThan(0);
    for (const { replies } of recordings.values()) expect(replies.length).toBeGreaterThan(0);
  });

  it('keys each prompt trimmed, and keeps the variants in order', () => {
    const dir = lessons({ '01-a/sandbox.yaml': '- match: "  Hello?  "\n  replies: ["zero", "one"]\n' });
    expect(loadRecordings(dir).get('Hello?')).toEqual({
      replies: ['zero', 'one'],
      source: path.join('01-a', 'sandbox.yaml'),
    });
  });

  it('refuses a malformed file or a prompt recorded twice, naming the files', () => {
    expect(() => loadRecordings(lessons({ '01-a/sandbox.yaml': '- match: "x"\n  replies: []\n' }))).toThrow(
      /01-a/,
    );
    const twice = lessons({
      '01-a/sandbox.yaml': '- match: x\n  replies: [a]\n',
      '02-b/sandbox.yaml': '- match: x\n  replies: [b]\n',
    });
    expect(() => loadRecordings(twice)).toThrow(/recorded twice: 01-a.*02-b/);
  });

  it('is empty when there are no lessons', () => {
    expect(loadRecordings(path.join(os.tmpdir(), 'no-such-dir-tokenwise')).size).toBe(0);
  });
});
