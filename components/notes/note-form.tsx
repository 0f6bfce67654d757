'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { readErrorEnvelope } from '@/lib/notes/envelope';
import { fieldErrors, NOTE_LIMITS, noteInputSchema, type NoteInput } from '@/lib/notes/schema';
import type { NoteView } from '@/lib/notes/types';

type Field = 'body' | 'displayName' | 'sdkVersion';
/** The form's fields in page order: the first one with an error gets focus. */
const FIELDS: Field[] = ['displayName', 'sdkVersion', 'body'];

/** One sentence for the alert; each field's own message is read when focus reaches it, so it is not repeated here. */
function summarize(errors: Record<string, string>, fallback: string): string {
  const count = FIELDS.filter((field) => errors[field]).length;
  if (count === 0) return fallback;
  return `The note was not posted: ${count === 1 ? 'one field needs' : `${count} fields need`} a fix.`;
}

const KEPT = 'Your note is still in the form: post it again in a minute.';

const inputClass =
  'mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 focus:border-brand-500 focus:outline-2 focus:outline-brand-500/40 aria-[invalid=true]:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/**
 * Adds a note. Validated here with the same zod schema the API uses, then again on the server. A failed post moves
 * focus to the first field with an error (its message is its description) and says so once in the alert below the
 * button; a server or network failure keeps what the learner wrote.
 */
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
    { kind: 'idle' | 'sending' | 'posted' } | { kind: 'error'; message: string; attempt: number }
  >({
    kind: 'idle',
  });
  const attempts = useRef(0);
  const fields = useRef<Partial<Record<Field, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  // Focus moves once the errors are in the DOM (aria-invalid and the message set), so the field is read with them.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest === 0) return;
    const first = FIELDS.find((field) => errors[field]);
    if (first) fields.current[first]?.focus();
    // Only a new failed submit moves focus, not every change to the errors.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const fail = (fieldErrorsFound: Record<string, string>, message: string) => {
    attempts.current += 1;
    setErrors(fieldErrorsFound);
    setStatus({ kind: 'error', message: summarize(fieldErrorsFound, message), attempt: attempts.current });
    setFocusRequest(attempts.current);
  };

  const set = (field: keyof NoteInput) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The button stays focusable while a post is under way (aria-disabled), so a second press is ignored here.
    if (status.kind === 'sending') return;
    const parsed = noteInputSchema.safeParse(values);
    if (!parsed.success) {
      fail(fieldErrors(parsed.error), 'The note was not posted.');
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
        const message = error?.message ?? `The note could not be posted (HTTP ${response.status}).`;
        // A 4xx names what to change; anything else is the server's trouble, and the note waits in the form.
        fail(
          error?.fields ?? {},
          response.status >= 500 || response.status === 429 ? `${message} ${KEPT}` : message,
        );
        return;
      }
      onPosted((body as { note: NoteView }).note);
      setValues((current) => ({ ...current, body: '' }));
      setStatus({ kind: 'posted' });
    } catch {
      fail({}, `The note could not be posted: Tokenwise did not answer (check your connection). ${KEPT}`);
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
            ref={(element) => {
              fields.current.displayName = element;
            }}
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
            ref={(element) => {
              fields.current.sdkVersion = element;
            }}
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
          ref={(element) => {
            fields.current.body = element;
          }}
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
          aria-disabled={status.kind === 'sending' || undefined}
          className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 aria-disabled:opacity-60"
        >
          {status.kind === 'sending' ? 'Posting…' : 'Post note'}
        </button>
        {status.kind === 'posted' && (
          <p role="status" className="text-sm text-brand-700 dark:text-brand-300">
            Your note is posted.
          </p>
        )}
        {/* One alert region, always present: each failed post inserts a fresh message (keyed), read once. */}
        <div role="alert" className="text-sm text-red-700 empty:hidden dark:text-red-300">
          {status.kind === 'error' && (
            <p key={status.attempt} data-note-form-error>
              {status.message}
            </p>
          )}
        </div>
      </div>
    </form>
  );
}
