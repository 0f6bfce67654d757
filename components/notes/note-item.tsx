'use client';

import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { readErrorEnvelope } from '@/lib/notes/envelope';
import type { NoteView } from '@/lib/notes/types';

const linkButton =
  'text-zinc-500 underline-offset-2 hover:text-zinc-900 hover:underline disabled:opacity-50 dark:text-zinc-400 dark:hover:text-white';

/** One note: who, when, which SDK version, the sanitized HTML the server rendered, and a report button. */
export function NoteItem({ slug, note }: { slug: string; note: NoteView }) {
  const [state, setState] = useState<
    'idle' | 'confirming' | 'sending' | 'reported' | 'hidden' | { error: string }
  >('idle');

  async function report() {
    setState('sending');
    try {
      const response = await fetch(`/api/lessons/${encodeURIComponent(slug)}/notes/${note.id}/report`, {
        method: 'POST',
      });
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        setState({ error: readErrorEnvelope(body)?.message ?? 'The report could not be sent.' });
        return;
      }
      setState((body as { hidden?: boolean }).hidden ? 'hidden' : 'reported');
    } catch {
      setState({ error: 'The report could not be sent; check your connection.' });
    }
  }

  if (state === 'hidden') {
    return (
      <p className="text-sm text-zinc-500 italic dark:text-zinc-400">
        Thanks: this note is hidden until a moderator reviews it.
      </p>
    );
  }
  return (
    <article aria-label={`Note by ${note.displayName}`} data-note-id={note.id}>
      <header className="flex flex-wrap items-center gap-2 text-sm wrap-anywhere">
        <span className="font-semibold text-zinc-900 dark:text-zinc-100">{note.displayName}</span>
        <time dateTime={note.createdAt} className="text-zinc-500 dark:text-zinc-400">
          {note.createdAt.slice(0, 10)}
        </time>
        <Badge>openai {note.sdkVersion}</Badge>
        {note.olderSdkLabel && <Badge tone="amber">{note.olderSdkLabel}</Badge>}
      </header>
      {/* Sanitized on the server by the untrusted Markdown pipeline (lib/notes/render.ts). */}
      <div
        className="prose-lesson note-body mt-2 text-base wrap-anywhere"
        dangerouslySetInnerHTML={{ __html: note.html }}
      />
      <footer className="mt-2 text-sm">
        {state === 'reported' ? (
          <span role="status" className="text-zinc-500 dark:text-zinc-400">
            Reported. Thank you.
          </span>
        ) : state === 'confirming' || state === 'sending' ? (
          <span className="flex flex-wrap items-center gap-3">
            <span className="text-zinc-600 dark:text-zinc-400">Report as spam, abuse or wrong?</span>
            <button type="button" onClick={report} disabled={state === 'sending'} className={linkButton}>
              Yes, report it
            </button>
            <button
              type="button"
              onClick={() => setState('idle')}
              disabled={state === 'sending'}
              className={linkButton}
            >
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setState('confirming')} className={linkButton}>
            Report
          </button>
        )}
        {typeof state === 'object' && (
          <span role="alert" className="ml-3 text-red-700 dark:text-red-300">
            {state.error}
          </span>
        )}
      </footer>
    </article>
  );
}
