'use client';

import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { ModerationNote } from '@/lib/notes/admin-types';
import { readErrorEnvelope } from '@/lib/notes/envelope';

type Filter = 'reported' | 'hidden' | 'all';
const TOKEN_KEY = 'tokenwise.adminToken';
const button =
  'rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:border-brand-500 disabled:opacity-50 dark:border-zinc-700';

// The token lives in sessionStorage (this tab only); components read it as an external store.
const tokenListeners = new Set<() => void>();
const tokenStore = {
  subscribe(listener: () => void) {
    tokenListeners.add(listener);
    return () => tokenListeners.delete(listener);
  },
  read: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
  write(value: string) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
    tokenListeners.forEach((listener) => listener());
  },
};

/** Lists notes for moderation and acts on them through the admin API. Note bodies show as source text, never HTML. */
export function ModerationPanel() {
  const token = useSyncExternalStore(tokenStore.subscribe, tokenStore.read, () => '');
  const [draft, setDraft] = useState('');
  const [filter, setFilter] = useState<Filter>('reported');
  const [notes, setNotes] = useState<ModerationNote[]>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    (async () => {
      setBusy(true);
      const response = await fetch(`/api/admin/notes?filter=${filter}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body: unknown = await response.json().catch(() => undefined);
      if (cancelled) return;
      setBusy(false);
      if (!response.ok) {
        setNotes(undefined);
        setMessage(readErrorEnvelope(body)?.message ?? `HTTP ${response.status}`);
        if (response.status === 401) tokenStore.write('');
        return;
      }
      setMessage(undefined);
      setNotes((body as { notes: ModerationNote[] }).notes);
    })().catch(() => {
      if (!cancelled) {
        setBusy(false);
        setMessage('The admin API could not be reached.');
      }
    });
    return () => {
      cancelled = true;
    };
  }, [token, filter]);

  function unlock(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    tokenStore.write(draft.trim());
    setDraft('');
  }

  async function act(note: ModerationNote, action: 'hide' | 'restore' | 'delete') {
    setBusy(true);
    try {
      const response = await fetch(`/api/admin/notes/${note.id}`, {
        method: action === 'delete' ? 'DELETE' : 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: action === 'delete' ? undefined : JSON.stringify({ action }),
      });
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        setMessage(readErrorEnvelope(body)?.message ?? `HTTP ${response.status}`);
        return;
      }
      setMessage(
        `Note ${note.id} ${action === 'delete' ? 'deleted' : action === 'hide' ? 'hidden' : 'restored'}.`,
      );
      setNotes((current) =>
        action === 'delete'
          ? current?.filter((n) => n.id !== note.id)
          : current?.map((n) => (n.id === note.id ? (body as { note: ModerationNote }).note : n)),
      );
    } finally {
      setBusy(false);
    }
  }

  if (!token) {
    return (
      <form onSubmit={unlock} className="mt-8 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="admin-token" className="text-sm font-medium">
            Admin token
          </label>
          <input
            id="admin-token"
            type="password"
            autoComplete="off"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            className="mt-1 block w-80 max-w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
          />
        </div>
        <button type="submit" className={button}>
          Unlock
        </button>
        {message && (
          <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
            {message}
          </p>
        )}
      </form>
    );
  }

  return (
    <div className="mt-8">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor="moderation-filter" className="text-sm font-medium">
          Show
        </label>
        <select
          id="moderation-filter"
          value={filter}
          onChange={(event) => setFilter(event.target.value as Filter)}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="reported">Reported</option>
          <option value="hidden">Hidden</option>
          <option value="all">All</option>
        </select>
        <button
          type="button"
          className={button}
          onClick={() => {
            tokenStore.write('');
            setNotes(undefined);
          }}
        >
          Lock
        </button>
      </div>
      {message && (
        <p role="status" className="mt-4 text-sm">
          {message}
        </p>
      )}
      {notes && notes.length === 0 && (
        <p className="mt-6 text-zinc-600 dark:text-zinc-400">Nothing to review.</p>
      )}
      {notes && notes.length > 0 && (
        <ol aria-label="Notes to moderate" className="mt-6 space-y-4">
          {notes.map((note) => (
            <li key={note.id} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
              <article aria-label={`Note ${note.id} by ${note.displayName}`}>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  #{note.id} on{' '}
                  <a href={`/lessons/${note.lessonSlug}#notes`} className="underline">
                    {note.lessonSlug}
                  </a>{' '}
                  by <strong>{note.displayName}</strong>, {note.createdAt.slice(0, 10)}, openai{' '}
                  {note.sdkVersion} · {note.reportCount} report{note.reportCount === 1 ? '' : 's'} ·{' '}
                  {note.hiddenReason
                    ? `hidden (${note.hiddenReason === 'reports' ? 'by reports' : 'by a moderator'})`
                    : 'visible'}
                </p>
                <pre className="mt-2 overflow-x-auto rounded bg-zinc-50 p-3 text-sm whitespace-pre-wrap dark:bg-zinc-900">
                  {note.body}
                </pre>
                <div className="mt-3 flex gap-2">
                  {note.hiddenReason ? (
                    <button
                      type="button"
                      className={button}
                      disabled={busy}
                      onClick={() => act(note, 'restore')}
                    >
                      Restore
                    </button>
                  ) : (
                    <button
                      type="button"
                      className={button}
                      disabled={busy}
                      onClick={() => act(note, 'hide')}
                    >
                      Hide
                    </button>
                  )}
                  <button
                    type="button"
                    className={button}
                    disabled={busy}
                    onClick={() => act(note, 'delete')}
                  >
                    Delete
                  </button>
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
