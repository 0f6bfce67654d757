import { OnThisPageTracker } from './on-this-page-tracker';

export interface PageSection {
  id: string;
  title: string;
}

/** Lessons shorter than this read fine without a list of their sections. */
export const ON_THIS_PAGE_MIN_SECTIONS = 5;

/**
 * "On this page": the lesson's sections as a collapsed list (one tap or Enter opens it), rendered on the server so
 * the links work without JavaScript. On wide screens it stays at the top of the text column while the lesson
 * scrolls and opens as a drop-down over the text; the summary names the section being read. A small island marks
 * that section (aria-current) as the page scrolls.
 */
export function OnThisPage({ sections, className = '' }: { sections: PageSection[]; className?: string }) {
  return (
    <nav id="on-this-page" aria-label="On this page" className={`on-this-page ${className}`}>
      <details className="group relative">
        <summary className="flex h-11 cursor-pointer list-none items-center gap-2 rounded-lg border border-zinc-200 bg-white/95 px-3 text-sm backdrop-blur focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-zinc-800 dark:bg-zinc-950/95 [&::-webkit-details-marker]:hidden">
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            className="size-4 shrink-0 text-zinc-500 transition-transform group-open:rotate-90 dark:text-zinc-400"
          >
            <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
          <span className="shrink-0 font-medium">On this page</span>
          {/* Filled in by the island; the list's aria-current says the same to screen readers. */}
          <span
            data-on-this-page-current
            aria-hidden="true"
            className="min-w-0 truncate text-zinc-600 empty:hidden before:content-['·_'] dark:text-zinc-400"
          />
        </summary>
        <ol className="mt-2 space-y-0.5 rounded-lg border border-zinc-200 bg-white p-2 text-sm lg:absolute lg:inset-x-0 lg:top-full lg:z-30 lg:max-h-[min(32rem,calc(100dvh-9rem))] lg:overflow-y-auto lg:shadow-lg dark:border-zinc-800 dark:bg-zinc-950">
          {sections.map((section) => (
            <li key={section.id}>
              <a
                href={`#${section.id}`}
                className="block rounded-md border-l-4 border-transparent px-3 py-1.5 text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-500 aria-[current]:border-brand-600 aria-[current]:bg-brand-50 aria-[current]:font-semibold aria-[current]:text-brand-700 dark:text-zinc-300 dark:hover:bg-zinc-900 dark:hover:text-white dark:aria-[current]:border-brand-300 dark:aria-[current]:bg-brand-700/20 dark:aria-[current]:text-brand-300"
              >
                {section.title}
              </a>
            </li>
          ))}
        </ol>
      </details>
      <OnThisPageTracker />
    </nav>
  );
}
