import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LessonMeta } from '@/components/lesson/lesson-meta';
import { LessonPager } from '@/components/lesson/lesson-pager';
import { LessonSection } from '@/components/lesson/lesson-section';
import { SkipIf } from '@/components/lesson/skip-if';
import { Workbench } from '@/components/lesson/workbench';
import { NotesSection } from '@/components/notes/notes-section';
import { RecordVisit } from '@/components/progress/record-visit';
import { LessonQuiz } from '@/components/quiz/lesson-quiz';
import { Breakable } from '@/components/ui/breakable';
import { getLesson, getLessons } from '@/lib/lessons/loader';
import { getClientQuiz } from '@/lib/quiz/load';

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  return (await getLessons()).map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await getLesson((await params).slug);
  return lesson ? { title: lesson.frontmatter.title, description: lesson.frontmatter.summary } : {};
}

export default async function LessonPage({ params }: Props) {
  const lesson = await getLesson((await params).slug);
  if (!lesson) notFound();
  const { frontmatter } = lesson;
  // Prompts, options and hints only: answer keys never leave the server.
  const quiz = await getClientQuiz(lesson.slug);

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/" className="hover:text-zinc-900 dark:hover:text-white">
          Course
        </Link>
        <span aria-hidden="true"> / </span>
        <span>Lesson {lesson.order}</span>
      </nav>
      <div className="mt-4 grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <article aria-labelledby="lesson-title" className="min-w-0">
          <header>
            <h1 id="lesson-title" className="text-3xl font-bold tracking-tight break-words sm:text-4xl">
              <Breakable text={frontmatter.title} />
            </h1>
            <p className="mt-3 text-lg text-zinc-600 dark:text-zinc-400">{frontmatter.summary}</p>
            <div className="mt-4">
              <LessonMeta frontmatter={frontmatter} showSdk />
            </div>
          </header>
          <div className="mt-10 space-y-12">
            {lesson.sections.map((section) => (
              <LessonSection key={section.id} section={quiz && section.id === 'check' ? { ...section, html: '' } : section}>
                {section.id === 'skip-if' && <SkipIf items={frontmatter.skipIf} />}
                {section.id === 'example' && (
                  <p className="mt-4 text-zinc-700 dark:text-zinc-300">
                    The code is in the <a href="#workbench" className="font-medium text-brand-700 underline dark:text-brand-300">example panel</a>,
                    in TypeScript and in Python.
                  </p>
                )}
                {/* quiz: section.id === 'check' (the checked quiz replaces the prose questions) */}
                {section.id === 'check' && (quiz ? <LessonQuiz quiz={quiz} /> : <RecordVisit lesson={lesson.slug} />)}
              </LessonSection>
            ))}
          </div>
          <NotesSection slug={lesson.slug} sdkVersion={frontmatter.sdk.node} />
          <LessonPager prev={lesson.prev} next={lesson.next} />
        </article>
        <Workbench lesson={lesson} />
      </div>
    </div>
  );
}
