import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readCourse } from '@/lib/lessons/read';

/**
 * The Go tour's content test, for this course: every lesson parses and renders, and every TypeScript program in it
 * typechecks against the installed `openai` types, exactly as a learner's editor would check it.
 */
const LESSONS = path.join(process.cwd(), 'lessons');
const lessons = await readCourse(LESSONS);

const compilerOptions: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  skipLibCheck: true,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
};

function typeErrors(file: string): string[] {
  const program = ts.createProgram([file], compilerOptions);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? path.relative(process.cwd(), d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('the course', () => {
  it('has at least one lesson', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });
});

describe.each(lessons.map((l) => [l.folder, l] as const))('lesson %s', (folder, lesson) => {
  it('has the core sections, a field guide and an error guide', () => {
    const ids = lesson.sections.map((s) => s.id);
    for (const id of ['learn', 'why', 'explanation', 'response-shape', 'field-guide', 'cost', 'error-recovery', 'check']) {
      expect(ids, `lessons/${folder}/index.md lacks "${id}"`).toContain(id);
    }
    expect(lesson.fieldGuide.length).toBeGreaterThan(3);
    for (const entry of lesson.fieldGuide) {
      expect(entry.summary.length, `field guide "${entry.name}" needs a one-line first paragraph`).toBeGreaterThan(10);
      expect(entry.summary.length, `field guide "${entry.name}": first paragraph over 160 chars`).toBeLessThan(160);
    }
  });

  it.each(['starter.ts', 'solution.ts'])('%s typechecks against the installed openai types', (name) => {
    expect(typeErrors(path.join(LESSONS, folder, name))).toEqual([]);
  });

  it('has a solution that differs from the starter', () => {
    expect(lesson.solution.typescript.trim()).not.toBe(lesson.example.typescript.code.trim());
  });
});
