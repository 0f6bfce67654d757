'use client';

import { lessonStatus } from '@/lib/progress/model';
import type { QuizOutline } from '@/lib/quiz/public';
import { useProgress } from './use-progress';

/** A part's progress on the course index: how many of its lessons are complete, once the learner has begun one. */
export function PartProgress({ outlines }: { outlines: QuizOutline[] }) {
  const snapshot = useProgress();
  if (!snapshot) return null;
  const statuses = outlines.map((o) => lessonStatus(snapshot.progress, o));
  if (!statuses.some((s) => s.opened)) return null;
  const complete = statuses.filter((s) => s.complete).length;
  return (
    <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">
      {complete} of {outlines.length} {outlines.length === 1 ? 'lesson' : 'lessons'} complete
    </span>
  );
}
