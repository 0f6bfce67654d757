'use client';

import { useEffect, useState } from 'react';
import type { NotesPage } from '@/lib/notes/types';
import { NotesBoard } from './notes-board';

type State = { status: 'loading' } | { status: 'unavailable' } | ({ status: 'ok' } & NotesPage);

/**
 * Loads a lesson's first page of notes in the browser, so the lesson page itself stays static HTML and a slow or
 * missing database never holds it up.
 */
export function NotesLoader({ slug, sdkVersion }: { slug: string; sdkVersion: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/lessons/${encodeURIComponent(slug)}/notes`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        setState({ status: 'ok', ...((await response.json()) as NotesPage) });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState({ status: 'unavailable' });
      });
    return () => controller.abort();
  }, [slug]);

  if (state.status === 'loading') {
    return (
      <p role="status" className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        Loading notes…
      </p>
    );
  }
  if (state.status === 'unavailable') {
    return (
      <p
        role="status"
        className="mt-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-900 dark:border-amber-800 dark:bg-amber-900/30 dark:text-amber-100"
      >
        Community notes are unavailable right now. The lesson works without them; try again later.
      </p>
    );
  }
  return <NotesBoard slug={slug} sdkVersion={sdkVersion} initialNotes={state.notes} initialNextBefore={state.nextBefore} />;
}
