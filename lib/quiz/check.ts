import 'server-only';
import { formatUsd } from '@/lib/models/cost';
import { expectedNumber, gradeAnswer, type Answer } from './grade';
import type { LoadedQuiz } from './parse';
import type { CheckResult, OptionFeedback } from './public';
import type { Question } from './schema';

/** A `CheckRequest` without its lesson: an answer to grade, or a request to see the answer. */
type Request = { question: string } & ({ answer: Answer } | { reveal: true });
type Full = Extract<CheckResult, { status: 'answered' | 'revealed' }>;

/**
 * Grades one answer, or reveals the answer on request, and dresses the verdict as feedback; the only place answer
 * keys turn into words. A wrong attempt learns why what it chose is wrong, never what is right.
 */
export function checkAnswer(quiz: LoadedQuiz, request: Request): CheckResult | undefined {
  const question = quiz.file.questions.find((q) => q.id === request.question);
  if (!question) return undefined;
  const html = (key: string) => quiz.html.get(key) ?? '';
  const source = quiz.sources.get(question.id)!;

  if ('reveal' in request)
    return { status: 'revealed', correct: false, source, ...theAnswer(quiz, question) };

  const grade = gradeAnswer(question, request.answer);
  if (!grade.readable) return { status: 'unreadable', message: grade.message };
  const result: Full = grade.correct
    ? { status: 'answered', correct: true, source, ...theAnswer(quiz, question) }
    : { status: 'answered', correct: false, source };

  if (
    grade.kind === 'choice' &&
    (question.kind === 'single' || question.kind === 'multiple') &&
    !grade.correct
  ) {
    result.options = question.options
      .filter((o) => grade.chosen.includes(o.id))
      .map((o) => optionFeedback(quiz, question.id, o));
    if (question.kind === 'multiple') result.missed = grade.missed;
  } else if (grade.kind === 'text' && grade.misconception !== null) {
    result.feedbackHtml = html(`${question.id}/misconception/${grade.misconception}`);
  }
  return result;
}

function optionFeedback(
  quiz: LoadedQuiz,
  questionId: string,
  option: { id: string; correct: boolean },
): OptionFeedback {
  return { id: option.id, correct: option.correct, html: quiz.html.get(`${questionId}/${option.id}`) ?? '' };
}

/** What a right answer or a reveal shows: the explanation, every option explained, the model answer or exact value. */
function theAnswer(
  quiz: LoadedQuiz,
  question: Question,
): Pick<Full, 'explanationHtml' | 'options' | 'modelAnswerHtml'> {
  const explanationHtml = quiz.html.get(question.id) ?? '';
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return { explanationHtml, options: question.options.map((o) => optionFeedback(quiz, question.id, o)) };
    case 'numeric': {
      const expected = expectedNumber(question);
      return {
        explanationHtml,
        modelAnswerHtml: `<p>Exactly ${question.unit === 'usd' ? formatUsd(expected) : expected.toLocaleString('en-US')}.</p>`,
      };
    }
    case 'text':
      return { explanationHtml, modelAnswerHtml: quiz.html.get(`${question.id}/model-answer`) ?? '' };
  }
}
