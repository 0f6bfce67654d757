'use client';

import { lazy, Suspense, useRef } from 'react';
import { useNearView } from '@/components/ui/use-near-view';

// The notes board, its form and their validation load only as the learner scrolls towards the notes.
const NotesLoader = lazy(() => import('./notes-loader').then((m) => ({ default: m.NotesLoader })));

/** Community notes' place on the page; see NotesLoader for what loads there. */
export function NotesIsland({ slug, sdkVersion }: { slug: string; sdkVersion: string }) {
  const place = useRef<HTMLDivElement>(null);
  const near = useNearView(place);
  const pending = (
    <p role="status" className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
      Loading notes…
    </p>
  );
  return (
    <div ref={place}>
      {near ? (
        <Suspense fallback={pending}>
          <NotesLoader slug={slug} sdkVersion={sdkVersion} />
        </Suspense>
      ) : (
        pending
      )}
    </div>
  );
}
