import { connection } from 'next/server';
import { Suspense } from 'react';
import { loadNotesSection } from '@/lib/notes/section';
import { NotesBoard } from './notes-board';

/**
 * Community notes under a lesson. Rendered per request (the lesson around it stays the same for everyone) and
 * streamed in, so a slow or missing database never holds up or breaks the lesson page.
 */
export function NotesSection({ slug, sdkVersion }: { slug: string; sdkVersion: string }) {
  return (
    <section
      id="notes"
      aria-labelledby="notes-title"
      className="mt-16 scroll-mt-20 border-t border-zinc-200 pt-10 dark:border-zinc-800"
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
      <Suspense fallback={<p className="mt-6 text-sm text-zinc-500">Loading notes…</p>}>
        <LoadedNotes slug={slug} sdkVersion={sdkVersion} />
      </Suspense>
    </section>
  );
}

async function LoadedNotes({ slug, sdkVersion }: { slug: string; sdkVersion: string }) {
  await connection();
  const data = await loadNotesSection(slug);
  if (data.status === 'unavailable') {
    return (
      <p
        role="status"
        className="mt-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-900 dark:border-amber-800 dark:bg-amber-900/30 dark:text-amber-100"
      >
        Community notes are unavailable right now. The lesson works without them; try again later.
      </p>
    );
  }
  return (
    <NotesBoard
      slug={slug}
      sdkVersion={sdkVersion}
      initialNotes={data.notes}
      initialNextBefore={data.nextBefore}
    />
  );
}
