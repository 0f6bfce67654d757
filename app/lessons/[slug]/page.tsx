import type { Metadata } from 'next';
import { PageLink } from '@/components/ui/page-link';
import { notFound } from 'next/navigation';
import { LessonMeta } from '@/components/lesson/lesson-meta';
import { LessonPager } from '@/components/lesson/lesson-pager';
import { LessonSection } from '@/components/lesson/lesson-section';
import { ON_THIS_PAGE_MIN_SECTIONS, OnThisPage } from '@/components/lesson/on-this-page';
import { SkipIf } from '@/components/lesson/skip-if';
import { Workbench } from '@/components/lesson/workbench';
import { NotesSection } from '@/components/notes/notes-section';
import { RecordVisit } from '@/components/progress/record-visit';
import { LessonQuiz } from '@/components/quiz/lesson-quiz';
import { Breakable } from '@/components/ui/breakable';
import { getLesson, getLessons } from '@/lib/lessons/loader';
import type { LessonSection as LessonSectionData } from '@/lib/lessons/types';
import { getClientQuiz } from '@/lib/quiz/load';

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  return (await getLessons()).map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await getLesson((await params).slug);
  if (!lesson) return {};
  const { title, summary } = lesson.frontmatter;
  // Built once per lesson (generateStaticParams): a shared link previews with the lesson's own title and summary.
  return {
    title,
    description: summary,
    openGraph: {
      type: 'article',
      siteName: 'Tokenwise',
      title: `${title} · Tokenwise`,
      description: summary,
      url: `/lessons/${lesson.slug}`,
      images: [
        { url: '/og.png', width: 1200, height: 630, alt: 'Tokenwise: learn the OpenAI API by running it' },
      ],
    },
    twitter: {
      card: 'summary_large_image',
      title: `${title} · Tokenwise`,
      description: summary,
      images: ['/og.png'],
    },
  };
}

export default async function LessonPage({ params }: Props) {
  const lesson = await getLesson((await params).slug);
  if (!lesson) notFound();
  const { frontmatter } = lesson;
  // Prompts, options and hints only: answer keys never leave the server.
  const quiz = await getClientQuiz(lesson.slug);
  // The example panel follows "The example" in the page's order (phones, keyboards, screen readers); on wide screens
  // the grid puts it in the right-hand column beside the whole lesson.
  const cut = lesson.sections.findIndex((section) => section.id === 'example') + 1;
  const before = cut > 0 ? lesson.sections.slice(0, cut) : lesson.sections;
  const after = cut > 0 ? lesson.sections.slice(cut) : [];
  // Long lessons get an "On this page" list: on wide screens it sits over the text column (its grid area spans both
  // rows, so it stays in sight while the lesson scrolls) and the text starts below it.
  const toc = lesson.sections.length >= ON_THIS_PAGE_MIN_SECTIONS;
  const section = (s: LessonSectionData) => (
    <LessonSection key={s.id} section={quiz && s.id === 'check' ? { ...s, html: '' } : s}>
      {s.id === 'skip-if' && <SkipIf items={frontmatter.skipIf} />}
      {s.id === 'example' && (
        <p className="mt-4 text-zinc-700 dark:text-zinc-300">
          The code is in the{' '}
          <a href="#workbench" className="font-medium text-brand-700 underline dark:text-brand-300">
            example panel
          </a>
          <span className="lg:hidden"> below</span>, in TypeScript and in Python.
        </p>
      )}
      {/* quiz: section.id === 'check' (the checked quiz replaces the prose questions) */}
      {s.id === 'check' && (quiz ? <LessonQuiz quiz={quiz} /> : <RecordVisit lesson={lesson.slug} />)}
    </LessonSection>
  );

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
        <PageLink href="/" className="hover:text-zinc-900 dark:hover:text-white">
          Course
        </PageLink>
        <span aria-hidden="true"> / </span>
        <span>Lesson {lesson.order}</span>
      </nav>
      <article
        aria-labelledby="lesson-title"
        className="mt-4 grid grid-cols-1 gap-y-12 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] lg:grid-rows-[auto_1fr] lg:gap-x-10 xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]"
      >
        {toc && (
          <OnThisPage
            sections={[
              ...lesson.sections.map(({ id, title }) => ({ id, title })),
              { id: 'notes', title: 'Community notes' },
            ]}
            className="max-lg:-mb-8 lg:sticky lg:top-[calc(3.5rem+1px)] lg:z-30 lg:col-start-1 lg:row-span-2 lg:row-start-1 lg:self-start lg:bg-white lg:py-2 lg:dark:bg-zinc-950"
          />
        )}
        <div className={`min-w-0 lg:col-start-1 lg:row-start-1 ${toc ? 'lg:pt-[4.5rem]' : ''}`}>
          <header>
            <h1 id="lesson-title" className="text-3xl font-bold tracking-tight break-words sm:text-4xl">
              <Breakable text={frontmatter.title} />
            </h1>
            <p className="mt-3 text-lg text-zinc-600 dark:text-zinc-400">{frontmatter.summary}</p>
            {/* On phones the example is further down; on wide screens it is beside the text and this is a skip link. */}
            <a
              href="#workbench"
              className="mt-3 inline-block font-medium text-brand-700 underline lg:sr-only lg:focus:not-sr-only lg:focus:rounded lg:focus:outline-2 lg:focus:outline-brand-500 dark:text-brand-300"
            >
              Jump to the example
            </a>
            <div className="mt-4">
              <LessonMeta frontmatter={frontmatter} showSdk />
            </div>
          </header>
          <div className="mt-10 space-y-12">{before.map(section)}</div>
        </div>
        <Workbench lesson={lesson} />
        <div className="min-w-0 lg:col-start-1 lg:row-start-2">
          {after.length > 0 && <div className="space-y-12">{after.map(section)}</div>}
          <NotesSection slug={lesson.slug} sdkVersion={frontmatter.sdk.node} />
          <LessonPager prev={lesson.prev} next={lesson.next} />
        </div>
      </article>
    </div>
  );
}
