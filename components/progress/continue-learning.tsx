'use client';

import { PageLink } from '@/components/ui/page-link';
import { lessonStatus } from '@/lib/progress/model';
import type { QuizOutline } from '@/lib/quiz/public';
import { useProgress } from './use-progress';

export interface CourseLesson {
  slug: string;
  order: number;
  title: string;
}

/**
 * "Continue where you left off": the lesson opened last, or the next one once it is complete, with what is left
 * in it. Shows nothing to a learner who has not started.
 */
export function ContinueLearning({ lessons, outlines }: { lessons: CourseLesson[]; outlines: QuizOutline[] }) {
  const snapshot = useProgress();
  const last = snapshot?.progress.lastLesson;
  const index = lessons.findIndex((l) => l.slug === last);
  if (!snapshot || index === -1) return null;

  const outlineOf = (slug: string) => outlines.find((o) => o.lesson === slug) ?? { lesson: slug, questions: [], challenges: [] };
  let lesson = lessons[index]!;
  let status = lessonStatus(snapshot.progress, outlineOf(lesson.slug));
  let label = 'Continue where you left off';
  if (status.complete) {
    const next = lessons.slice(index + 1).find((l) => !lessonStatus(snapshot.progress, outlineOf(l.slug)).complete);
    if (!next) {
      return (
        <p className="mt-8 rounded-xl border border-brand-500/40 bg-brand-50/60 p-5 font-medium dark:bg-brand-700/10">
          You have completed every lesson. Well done.
        </p>
      );
    }
    lesson = next;
    status = lessonStatus(snapshot.progress, outlineOf(next.slug));
    label = 'Up next';
  }
  const left = status.questionsLeft.length + status.challengesLeft.length;
  const href = status.opened && left > 0 ? `/lessons/${lesson.slug}#check` : `/lessons/${lesson.slug}`;

  return (
    <section aria-labelledby="continue-title" className="mt-8 rounded-xl border border-brand-500/40 bg-brand-50/60 p-5 dark:bg-brand-700/10">
      <h2 id="continue-title" className="text-sm font-semibold tracking-wide text-brand-700 uppercase dark:text-brand-300">
        {label}
      </h2>
      <p className="mt-2 text-lg font-semibold">
        <PageLink href={href} className="underline decoration-brand-500/40 underline-offset-4 hover:decoration-brand-500">
          Lesson {lesson.order}: {lesson.title}
        </PageLink>
      </p>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {status.opened
          ? `${status.questionsDone} of ${status.questionsTotal} questions answered, ${status.challengesDone} of ${status.challengesTotal} challenges passed.`
          : 'Not started yet.'}
      </p>
    </section>
  );
}
