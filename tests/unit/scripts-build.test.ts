import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFingerprint, isBuildCurrent } from '../../scripts/lib/build.mjs';

/** `npm start` rebuilds when any input of the build changed, and only then. */
let root: string;

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tokenwise-fingerprint-'));
  for (const file of ['app/page.tsx', 'lib/env.ts', 'instrumentation.ts', 'package.json', 'package-lock.json', 'scripts/server.mjs', 'next.config.js']) {
    write(file, `// ${file}\n`);
  }
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the build fingerprint', () => {
  it('is stable while nothing changes', () => {
    expect(buildFingerprint(root)).toBe(buildFingerprint(root));
  });

  it.each(['instrumentation.ts', 'package.json', 'package-lock.json', 'scripts/server.mjs', 'app/page.tsx', 'next.config.js'])(
    'changes when %s changes',
    (file) => {
      const before = buildFingerprint(root);
      write(file, `// ${file}, edited\n`);
      expect(buildFingerprint(root)).not.toBe(before);
    },
  );

  it('changes when a file is only touched (a checkout can restore the same size)', () => {
    const before = buildFingerprint(root);
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'package.json'), later, later);
    expect(buildFingerprint(root)).not.toBe(before);
  });

  it('ignores what the build itself generates (public/generated)', () => {
    const before = buildFingerprint(root);
    write('public/generated/runner/openai.js', 'bundle');
    expect(buildFingerprint(root)).toBe(before);
  });

  it('is read from the build folder NEXT_DIST_DIR names', () => {
    const saved = process.env.NEXT_DIST_DIR;
    try {
      process.env.NEXT_DIST_DIR = '.next-other';
      write('.next-other/BUILD_ID', 'x');
      write('.next-other/tokenwise-build-stamp', buildFingerprint(root));
      expect(isBuildCurrent(root)).toBe(true);
      write('instrumentation.ts', '// changed\n');
      expect(isBuildCurrent(root)).toBe(false);
      delete process.env.NEXT_DIST_DIR;
      expect(isBuildCurrent(root)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.NEXT_DIST_DIR;
      else process.env.NEXT_DIST_DIR = saved;
    }
  });
});
