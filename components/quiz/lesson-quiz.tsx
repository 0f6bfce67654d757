'use client';

import { useCallback } from 'react';
import { LessonRemaining } from '@/components/progress/lesson-remaining';
import { RecordVisit } from '@/components/progress/record-visit';
import { useProgress } from '@/components/progress/use-progress';
import { recordChallenge, recordQuestion, recordRevealed } from '@/lib/progress/model';
import { updateProgress } from '@/lib/progress/store';
import type { ClientQuiz } from '@/lib/quiz/public';
import { ChallengeList } from './challenge-list';
import { QuestionCard } from './question-card';

/**
 * "Check your understanding": what is left, the questions, then the challenges. Opening the lesson counts as a
 * visit, and every right answer, shown answer or passed challenge is kept in the browser's progress.
 */
export function LessonQuiz({ quiz }: { quiz: ClientQuiz }) {
  const { lesson } = quiz;
  const snapshot = useProgress();
  const mine = snapshot?.progress.lessons[lesson];

  const onCorrect = useCallback((id: string) => updateProgress((p) => recordQuestion(p, lesson, id)), [lesson]);
  const onRevealed = useCallback((id: string) => updateProgress((p) => recordRevealed(p, lesson, id)), [lesson]);
  const onPassed = useCallback((id: string) => updateProgress((p) => recordChallenge(p, lesson, id)), [lesson]);

  return (
    <div className="mt-4">
      <RecordVisit lesson={lesson} />
      <LessonRemaining quiz={quiz} progress={snapshot?.progress ?? null} />
      <h3 className="mt-8 text-lg font-semibold">Questions</h3>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Answers are checked on the server. A wrong try tells you why what you chose is wrong; try as often as you like,
        or ask to see the answer.
      </p>
      <ol className="mt-4 space-y-4">
        {quiz.questions.map((question, i) => (
          <QuestionCard
            key={question.id}
            lesson={lesson}
            question={question}
            number={i + 1}
            done={mine?.questions.includes(question.id) ?? false}
            revealed={mine?.revealed.includes(question.id) ?? false}
            onCorrect={onCorrect}
            onRevealed={onRevealed}
          />
        ))}
      </ol>
      {quiz.challenges.length > 0 && (
        <>
          <h3 className="mt-10 text-lg font-semibold">Challenges</h3>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Passed by running code: change the <a href="#workbench" className="font-medium text-brand-700 underline dark:text-brand-300">example</a> so
            that the response it gets back has the asked-for property.
          </p>
          <ChallengeList lesson={lesson} challenges={quiz.challenges} passed={mine?.challenges ?? []} onPassed={onPassed} />
        </>
      )}
    </div>
  );
}
