import { PageLink } from '@/components/ui/page-link';
import { LessonMeta } from '@/components/lesson/lesson-meta';
import { NoteCount } from '@/components/notes/note-count';
import { ContinueLearning } from '@/components/progress/continue-learning';
import { LessonProgressBadge } from '@/components/progress/lesson-progress-badge';
import { PartProgress } from '@/components/progress/part-progress';
import { ProgressTools } from '@/components/progress/progress-tools';
import { Breakable } from '@/components/ui/breakable';
import { getLessons } from '@/lib/lessons/loader';
import { groupIntoParts } from '@/lib/lessons/parts';
import { getQuizOutlines } from '@/lib/quiz/load';

export default async function CourseIndex() {
  const lessons = await getLessons();
  const outlines = await getQuizOutlines();
  const outlineOf = (slug: string) =>
    outlines.find((o) => o.lesson === slug) ?? { lesson: slug, questions: [], challenges: [] };
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Learn the OpenAI API by running it</h1>
      <p className="mt-4 max-w-2xl text-lg text-zinc-600 dark:text-zinc-400">
        Short lessons, each with a live example you can edit and run. No key needed: runs go to a built-in
        sandbox model that answers in OpenAI&apos;s exact wire format, and say so. Bring your own key for real
        models.
      </p>
      <ContinueLearning
        lessons={lessons.map((l) => ({ slug: l.slug, order: l.order, title: l.frontmatter.title }))}
        outlines={outlines}
      />
      {groupIntoParts(
        lessons.map((lesson) => ({ lesson, order: lesson.order, minutes: lesson.frontmatter.minutes })),
      ).map((part, i) => (
        <section key={part.id} aria-labelledby={`part-${part.id}`} className="mt-12">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <h2 id={`part-${part.id}`} className="text-xl font-semibold tracking-tight">
              <span className="text-zinc-600 dark:text-zinc-400">Part {i + 1}: </span>
              {part.title}
            </h2>
            <p className="flex items-baseline gap-3 text-sm text-zinc-600 dark:text-zinc-400">
              <span>
                {part.lessons.length} {part.lessons.length === 1 ? 'lesson' : 'lessons'} · about{' '}
                {part.minutes} min
              </span>
              <PartProgress outlines={part.lessons.map(({ lesson }) => outlineOf(lesson.slug))} />
            </p>
          </div>
          <ol className="mt-4 grid gap-4 sm:grid-cols-2">
            {part.lessons.map(({ lesson }) => (
              <li key={lesson.slug}>
                <PageLink
                  href={`/lessons/${lesson.slug}`}
                  className="group flex h-full flex-col rounded-xl border border-zinc-200 p-5 transition hover:border-brand-500 hover:shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-zinc-800 dark:hover:border-brand-500"
                >
                  <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
                    Lesson {lesson.order}
                  </span>
                  <h3 className="mt-1 text-lg font-semibold break-words group-hover:text-brand-700 dark:group-hover:text-brand-300">
                    <Breakable text={lesson.frontmatter.title} />
                  </h3>
                  <p className="mt-2 flex-1 text-sm leading-6 text-zinc-600 dark:text-zinc-400">
                    {lesson.frontmatter.summary}
                  </p>
                  <div className="mt-4 flex flex-wrap items-center gap-2">
                    <LessonMeta frontmatter={lesson.frontmatter} />
                    <NoteCount slug={lesson.slug} />
                    <LessonProgressBadge outline={outlineOf(lesson.slug)} />
                  </div>
                </PageLink>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <ProgressTools />
    </div>
  );
}
