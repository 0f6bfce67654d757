import { PageLink } from '@/components/ui/page-link';
import { getLessons } from '@/lib/lessons/loader';
import type { Frontmatter } from '@/lib/lessons/schema';

/**
 * The frontmatter's "what to use instead" list. An entry's `lesson` becomes a link only when that lesson is in the
 * course, so a lesson that names one still being written shows plain text instead of a broken link.
 */
export async function SkipIf({ items }: { items: Frontmatter['skipIf'] }) {
  if (items.length === 0) return null;
  const lessons = new Map((await getLessons()).map((l) => [l.slug, l]));
  return (
    <dl className="mt-4 grid gap-3">
      {items.map((item) => {
        const target = item.lesson ? lessons.get(item.lesson) : undefined;
        return (
          <div key={item.when} className="rounded-lg border border-zinc-200 px-4 py-3 dark:border-zinc-800">
            <dt className="font-medium text-zinc-900 dark:text-zinc-100">{item.when}</dt>
            <dd className="mt-1 text-zinc-700 dark:text-zinc-300">
              Use instead: {item.use}
              {target && (
                <>
                  {' '}
                  (
                  <PageLink href={`/lessons/${target.slug}`} className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300">
                    Lesson {target.order}: {target.frontmatter.title}
                  </PageLink>
                  )
                </>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
