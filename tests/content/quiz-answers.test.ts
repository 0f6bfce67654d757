import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { gradeText } from '@/lib/quiz/grade';
import { quizFileSchema, type TextQuestion } from '@/lib/quiz/schema';

/**
 * Every free-text question of every lesson grades its own `tests:` answers as the author expects (the format is
 * documented beside `textTests` in lib/quiz/schema.ts). A rubric that only looks for a word anywhere in the answer
 * fails here: each question needs at least 10 answers, 2 of them right and 5 wrong (negations, both options
 * named, a misconception alone, a typo of the right name).
 */
const LESSONS = path.join(process.cwd(), 'lessons');
const folders = (await readdir(LESSONS, { withFileTypes: true })).filter((e) => e.isDirectory() && /^\d+-/.test(e.name)).map((e) => e.name);

const textQuestions: [string, TextQuestion][] = [];
for (const folder of folders) {
  let source: string;
  try {
    source = await readFile(path.join(LESSONS, folder, 'quiz.yaml'), 'utf8');
  } catch {
    continue; // a lesson without a quiz has nothing to grade
  }
  const quiz = quizFileSchema.parse(parseYaml(source));
  for (const q of quiz.questions) if (q.kind === 'text') textQuestions.push([`${folder}/${q.id}`, q]);
}

describe.each(textQuestions)('text question %s', (_, question) => {
  const tests = question.tests ?? { right: [], wrong: [] };
  const wrong = tests.wrong.map((w) => (typeof w === 'string' ? { answer: w, misconception: undefined } : w));

  it('has at least 10 test answers, 2 right and 5 wrong', () => {
    expect(tests.right.length, 'right answers').toBeGreaterThanOrEqual(2);
    expect(wrong.length, 'wrong answers').toBeGreaterThanOrEqual(5);
    expect(tests.right.length + wrong.length).toBeGreaterThanOrEqual(10);
  });

  it.each(tests.right)('grades %j right', (answer) => {
    expect(gradeText(question, answer)).toMatchObject({ readable: true, correct: true });
  });

  it.each(wrong)('grades $answer wrong', ({ answer, misconception }) => {
    const grade = gradeText(question, answer);
    expect(grade).toMatchObject({ readable: true, correct: false });
    if (misconception !== undefined) {
      expect(grade, `feedback for misconception ${misconception}`).toMatchObject({ misconception });
      expect(question.rubric.misconceptions[misconception], `rubric.misconceptions[${misconception}] exists`).toBeDefined();
    }
  });
});
