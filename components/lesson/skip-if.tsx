import type { Frontmatter } from '@/lib/lessons/schema';

/** The frontmatter's "what to use instead" list. */
export function SkipIf({ items }: { items: Frontmatter['skipIf'] }) {
  if (items.length === 0) return null;
  return (
    <dl className="mt-4 grid gap-3">
      {items.map((item) => (
        <div key={item.when} className="rounded-lg border border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <dt className="font-medium text-zinc-900 dark:text-zinc-100">{item.when}</dt>
          <dd className="mt-1 text-zinc-700 dark:text-zinc-300">Use instead: {item.use}</dd>
        </div>
      ))}
    </dl>
  );
}
