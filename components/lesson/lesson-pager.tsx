import { PageLink } from '@/components/ui/page-link';
import type { LessonLink } from '@/lib/lessons/types';

/** Previous and next lesson; the course index stands in at either end so there is never a dead end. */
export function LessonPager({ prev, next }: { prev?: LessonLink; next?: LessonLink }) {
  const cell =
    'flex flex-col rounded-xl border border-zinc-200 px-4 py-3 hover:border-brand-500 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-zinc-800';
  return (
    <nav aria-label="Lessons" className="mt-12 grid gap-3 sm:grid-cols-2">
      <PageLink href={prev ? `/lessons/${prev.slug}` : '/'} className={cell} rel={prev ? 'prev' : undefined}>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{prev ? 'Previous lesson' : 'Back to'}</span>
        <span className="font-medium">{prev ? prev.title : 'All lessons'}</span>
      </PageLink>
      <PageLink href={next ? `/lessons/${next.slug}` : '/'} className={`${cell} sm:text-right`} rel={next ? 'next' : undefined}>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{next ? 'Next lesson' : 'You reached the end'}</span>
        <span className="font-medium">{next ? next.title : 'Back to all lessons'}</span>
      </PageLink>
    </nav>
  );
}
