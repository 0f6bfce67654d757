import 'server-only';
import { formatUsd } from '@/lib/models/cost';
import { gradeAnswer } from './grade';
import type { LoadedQuiz } from './parse';
import type { CheckRequest, CheckResult, OptionFeedback } from './public';

/** Grades one answer and dresses the verdict as feedback; the only place answer keys turn into words. */
export function checkAnswer(quiz: LoadedQuiz, request: Pick<CheckRequest, 'question' | 'answer'>): CheckResult | undefined {
  const question = quiz.file.questions.find((q) => q.id === request.question);
  if (!question) return undefined;
  const grade = gradeAnswer(question, request.answer);
  if (!grade.readable) return { status: 'unreadable', message: grade.message };

  const html = (key: string) => quiz.html.get(key) ?? '';
  const result: Extract<CheckResult, { status: 'answered' }> = {
    status: 'answered',
    correct: grade.correct,
    explanationHtml: html(question.id),
    source: quiz.sources.get(question.id)!,
  };

  if (grade.kind === 'choice' && (question.kind === 'single' || question.kind === 'multiple')) {
    // A wrong attempt explains only what was chosen, so the next try is still the learner's own.
    const shown = grade.correct ? question.options : question.options.filter((o) => grade.chosen.includes(o.id));
    result.options = shown.map((o): OptionFeedback => ({ id: o.id, correct: o.correct, html: html(`${question.id}/${o.id}`) }));
    if (question.kind === 'multiple' && !grade.correct) result.missed = grade.missed;
  } else if (grade.kind === 'numeric' && question.kind === 'numeric') {
    if (grade.correct) {
      const exact = question.unit === 'usd' ? formatUsd(grade.expected) : String(grade.expected);
      result.modelAnswerHtml = `<p>Exactly ${exact}.</p>`;
    }
  } else if (grade.kind === 'text') {
    result.modelAnswerHtml = html(`${question.id}/model-answer`);
    if (grade.misconception !== null) result.feedbackHtml = html(`${question.id}/misconception/${grade.misconception}`);
  }
  return result;
}
