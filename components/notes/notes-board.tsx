'use client';

import { useState } from 'react';
import { readErrorEnvelope } from '@/lib/notes/envelope';
import type { NotesPage, NoteView } from '@/lib/notes/types';
import { NoteForm } from './note-form';
import { NoteItem } from './note-item';

/** The notes list (newest first, older pages on demand) and the form; a posted note appears at the top. */
export function NotesBoard({
  slug,
  sdkVersion,
  initialNotes,
  initialNextBefore,
}: {
  slug: string;
  sdkVersion: string;
  initialNotes: NoteView[];
  initialNextBefore: number | null;
}) {
  const [notes, setNotes] = useState(initialNotes);
  const [nextBefore, setNextBefore] = useState(initialNextBefore);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();

  async function loadOlder() {
    if (nextBefore === null) return;
    setLoading(true);
    setError(undefined);
    try {
      const response = await fetch(`/api/lessons/${encodeURIComponent(slug)}/notes?before=${nextBefore}`);
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok)
        throw new Error(readErrorEnvelope(body)?.message ?? 'Older notes could not be loaded.');
      const page = body as NotesPage;
      setNotes((current) => [...current, ...page.notes.filter((n) => !current.some((c) => c.id === n.id))]);
      setNextBefore(page.nextBefore);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'Older notes could not be loaded.');
    } finally {
      setLoading(false);
    }
  }

  return (
    <div className="mt-6 space-y-8">
      {notes.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">
          Be the first to share a version-specific fix or tip.
        </p>
      ) : (
        <ol aria-label="Notes" className="notes-list space-y-6">
          {notes.map((note) => (
            <li key={note.id} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
              <NoteItem slug={slug} note={note} />
            </li>
          ))}
        </ol>
      )}
      {nextBefore !== null && (
        <button
          type="button"
          onClick={loadOlder}
          disabled={loading}
          className="rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:border-brand-500 disabled:opacity-50 dark:border-zinc-700"
        >
          {loading ? 'Loading…' : 'Show older notes'}
        </button>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <NoteForm
        slug={slug}
        sdkVersion={sdkVersion}
        onPosted={(note) => setNotes((current) => [note, ...current])}
      />
    </div>
  );
}
