import { NotesIsland } from './notes-island';

/**
 * Community notes under a lesson. The notes load in the browser, so the lesson page stays static, and only once the
 * learner scrolls near them.
 */
export function NotesSection({ slug, sdkVersion }: { slug: string; sdkVersion: string }) {
  return (
    <section
      id="notes"
      aria-labelledby="notes-title"
      className="mt-16 scroll-mt-4 border-t border-zinc-200 pt-10 dark:border-zinc-800"
    >
      <h2
        id="notes-title"
        className="text-xl font-semibold tracking-tight text-zinc-900 sm:text-2xl dark:text-zinc-50"
      >
        Community notes
      </h2>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        Version-specific fixes and tips from other learners. Markdown works; HTML is left out.
      </p>
      <NotesIsland slug={slug} sdkVersion={sdkVersion} />
    </section>
  );
}
