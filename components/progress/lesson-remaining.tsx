import { lessonStatus } from '@/lib/progress/model';
import type { Progress } from '@/lib/progress/schema';
import type { ClientQuiz } from '@/lib/quiz/public';

/** What is left in this lesson, with links to each open item; before the browser's progress is read, the totals. */
export function LessonRemaining({ quiz, progress }: { quiz: ClientQuiz; progress: Progress | null }) {
  const outline = { lesson: quiz.lesson, questions: quiz.questions.map((q) => q.id), challenges: quiz.challenges.map((c) => c.id) };
  const status = lessonStatus(progress, outline);
  const total = status.questionsTotal + status.challengesTotal;
  const done = status.questionsDone + status.challengesDone;
  const numberOf = new Map(quiz.questions.map((q, i) => [q.id, i + 1]));
  const titleOf = new Map(quiz.challenges.map((c) => [c.id, c.title]));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

  return (
    <div role="group" aria-label="Your progress in this lesson" className="rounded-xl border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-900">
      {progress === null ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {plural(status.questionsTotal, 'question')} and {plural(status.challengesTotal, 'challenge')}.
        </p>
      ) : (
        <>
          <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
            {status.complete
              ? 'All done: every question answered and every challenge passed.'
              : `${status.questionsDone} of ${plural(status.questionsTotal, 'question')} answered, ${status.challengesDone} of ${plural(status.challengesTotal, 'challenge')} passed.`}
          </p>
          <progress value={done} max={total} aria-label="Lesson progress" className="mt-2 h-2 w-full accent-brand-600">
            {done} of {total}
          </progress>
          {!status.complete && (
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              Left:{' '}
              {[
                ...status.questionsLeft.map((id) => ({ id, label: `Question ${numberOf.get(id)}${status.questionsRevealed.includes(id) ? ' (answer shown)' : ''}` })),
                ...status.challengesLeft.map((id) => ({ id, label: titleOf.get(id) ?? id })),
              ].map((item, i) => (
                <span key={item.id}>
                  {i > 0 && ', '}
                  <a href={`#quiz-${item.id}`} className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
                    {item.label}
                  </a>
                </span>
              ))}
            </p>
          )}
        </>
      )}
    </div>
  );
}
