'use client';

import { useId, useState, type FormEvent } from 'react';
import { readErrorEnvelope } from '@/lib/notes/envelope';
import { fieldErrors, NOTE_LIMITS, noteInputSchema, type NoteInput } from '@/lib/notes/schema';
import type { NoteView } from '@/lib/notes/types';

type Field = 'body' | 'displayName' | 'sdkVersion';

const inputClass =
  'mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 focus:border-brand-500 focus:outline-2 focus:outline-brand-500/40 aria-[invalid=true]:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/** Adds a note. Validated here with the same zod schema the API uses, then again on the server. */
export function NoteForm({
  slug,
  sdkVersion,
  onPosted,
}: {
  slug: string;
  sdkVersion: string;
  onPosted: (note: NoteView) => void;
}) {
  const id = useId();
  const [values, setValues] = useState<Required<NoteInput>>({
    body: '',
    displayName: '',
    sdkVersion,
    website: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<
    { kind: 'idle' | 'sending' | 'posted' } | { kind: 'error'; message: string }
  >({
    kind: 'idle',
  });

  const set = (field: keyof NoteInput) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = noteInputSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      setStatus({ kind: 'idle' });
      return;
    }
    setErrors({});
    setStatus({ kind: 'sending' });
    try {
      const response = await fetch(`/api/lessons/${encodeURIComponent(slug)}/notes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(values),
      });
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        const error = readErrorEnvelope(body);
        setErrors(error?.fields ?? {});
        setStatus({
          kind: 'error',
          message: error?.message ?? `The note could not be posted (HTTP ${response.status}).`,
        });
        return;
      }
      onPosted((body as { note: NoteView }).note);
      setValues((current) => ({ ...current, body: '' }));
      setStatus({ kind: 'posted' });
    } catch {
      setStatus({ kind: 'error', message: 'The note could not be posted; check your connection.' });
    }
  }

  const describedBy = (field: Field, hint?: string) =>
    [hint, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const errorText = (field: Field) =>
    errors[field] && (
      <p id={`${id}-${field}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
        {errors[field]}
      </p>
    );

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      className="rounded-xl bg-zinc-50 p-4 sm:p-6 dark:bg-zinc-900/60"
    >
      <h3 id={`${id}-title`} className="text-lg font-semibold">
        Add a note
      </h3>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-name`} className="text-sm font-medium">
            Display name
          </label>
          <input
            id={`${id}-name`}
            name="displayName"
            autoComplete="nickname"
            maxLength={NOTE_LIMITS.nameMaxChars}
            value={values.displayName}
            onChange={set('displayName')}
            aria-invalid={Boolean(errors.displayName)}
            aria-describedby={describedBy('displayName')}
            className={inputClass}
          />
          {errorText('displayName')}
        </div>
        <div>
          <label htmlFor={`${id}-sdk`} className="text-sm font-medium">
            openai SDK version
          </label>
          <input
            id={`${id}-sdk`}
            name="sdkVersion"
            inputMode="decimal"
            value={values.sdkVersion}
            onChange={set('sdkVersion')}
            aria-invalid={Boolean(errors.sdkVersion)}
            aria-describedby={describedBy('sdkVersion')}
            className={inputClass}
          />
          {errorText('sdkVersion')}
        </div>
      </div>
      <div className="mt-4">
        <label htmlFor={`${id}-body`} className="text-sm font-medium">
          Note
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={5}
          value={values.body}
          onChange={set('body')}
          aria-invalid={Boolean(errors.body)}
          aria-describedby={describedBy('body', `${id}-body-hint`)}
          className={`${inputClass} font-mono text-sm`}
        />
        <p id={`${id}-body-hint`} className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
          Markdown. {values.body.length.toLocaleString('en-US')} /{' '}
          {NOTE_LIMITS.bodyMaxChars.toLocaleString('en-US')} characters.
        </p>
        {errorText('body')}
      </div>
      {/* Honeypot: hidden from people and assistive tech; bots fill it in and are refused. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={`${id}-website`}>Leave this field empty</label>
        <input
          id={`${id}-website`}
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={values.website}
          onChange={set('website')}
        />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={status.kind === 'sending'}
          className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:opacity-60"
        >
          {status.kind === 'sending' ? 'Posting…' : 'Post note'}
        </button>
        {status.kind === 'posted' && (
          <p role="status" className="text-sm text-brand-700 dark:text-brand-300">
            Your note is posted.
          </p>
        )}
        {status.kind === 'error' && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {status.message}
          </p>
        )}
      </div>
    </form>
  );
}
