'use client';

import { lessonStatus } from '@/lib/progress/model';
import type { QuizOutline } from '@/lib/quiz/public';
import { useProgress } from './use-progress';

/** A course-index card's progress: nothing before the lesson is opened, then done of total, then done. */
export function LessonProgressBadge({ outline }: { outline: QuizOutline }) {
  const snapshot = useProgress();
  if (!snapshot) return null;
  const status = lessonStatus(snapshot.progress, outline);
  if (!status.opened) return null;
  const done = status.questionsDone + status.challengesDone;
  const total = status.questionsTotal + status.challengesTotal;
  return status.complete ? (
    <span className="inline-flex items-center rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-brand-100 ring-inset dark:bg-brand-700/20 dark:text-brand-300 dark:ring-brand-700/40">
      <span aria-hidden="true">✓&nbsp;</span>Completed
    </span>
  ) : (
    <span className="inline-flex items-center rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200 ring-inset dark:bg-amber-900/30 dark:text-amber-200 dark:ring-amber-800">
      {done} of {total} done
    </span>
  );
}
