'use client';

import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { DEFAULT_MAX_OUTPUT_CHARS, RUN_TIME_LIMIT_MS } from '@/lib/runner/limits';
import {
  forgetOwnKey,
  getRunnerSession,
  maskKey,
  OWN_KEY_STORAGE,
  readOwnKey,
  saveOwnKey,
  subscribeCredentials,
  type RunnerSession,
} from '@/components/runner/credentials';

const fmt = new Intl.NumberFormat('en-US');

/** The learner's own key (this tab only), the active backend, and the limits the proxy applies. */
export function SettingsPanel() {
  const ownKey = useSyncExternalStore(subscribeCredentials, readOwnKey, () => null);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [session, setSession] = useState<RunnerSession | null>(null);
  const [sessionError, setSessionError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();

  useEffect(() => {
    getRunnerSession()
      .then(setSession)
      .catch((error: unknown) => setSessionError(error instanceof Error ? error.message : String(error)));
  }, []);

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const key = draft.trim();
    if (!key) return setProblem('Paste a key first.');
    if (/\s/.test(key) || key.length > 400)
      return setProblem('That does not look like a key: keys have no spaces.');
    saveOwnKey(key);
    setDraft('');
    setProblem(null);
    setStatus(
      key.startsWith('sk-')
        ? 'Key saved for this tab.'
        : 'Key saved for this tab. (OpenAI keys start with sk-; other servers may differ.)',
    );
  };

  const forget = () => {
    forgetOwnKey();
    setStatus('Key forgotten. Runs use the sandbox again.');
  };

  return (
    <div className="mt-8 space-y-10">
      {/* #own-key: error cards link here ("forget your key in Settings"); the Forget key button is in it. */}
      <section id="own-key" aria-labelledby="key-title" className="scroll-mt-20">
        <h2 id="key-title" className="text-xl font-semibold">
          Your OpenAI key
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          <li>
            Kept in this tab only (sessionStorage): closing the tab forgets it. It is never saved with your
            code or put in share links.
          </li>
          <li>
            Sent only to this app&apos;s proxy (<code className="font-mono">/api/v1</code>), which passes it
            to the upstream model server and never stores, logs or echoes it.
          </li>
          <li>
            Never shown to your programs: they read{' '}
            <code className="font-mono">process.env.OPENAI_API_KEY</code> as on a server, but what they get is
            a sealed token (<code className="font-mono">tw_sk_…</code>) that only this app&apos;s proxy can
            open, and only until it expires (an hour by default). Code from a shared link asks before it uses
            your key.
          </li>
        </ul>
        {ownKey ? (
          <div className="mt-4 flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40">
            <span data-testid="own-key-status">
              A key is set for this tab: <code className="font-mono">{maskKey(ownKey)}</code>. Runs go to the
              upstream.
            </span>
            <button
              type="button"
              onClick={forget}
              className="rounded-md bg-white px-3 py-1.5 font-medium text-red-700 ring-1 ring-red-300 ring-inset hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:bg-zinc-900 dark:text-red-400 dark:ring-red-800"
            >
              Forget key
            </button>
          </div>
        ) : (
          <form onSubmit={save} className="mt-4 space-y-2" autoComplete="off">
            <label htmlFor={inputId} className="block text-sm font-medium">
              API key
            </label>
            <div className="flex flex-wrap gap-2">
              <input
                id={inputId}
                name={OWN_KEY_STORAGE}
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                aria-describedby={hintId}
                aria-invalid={problem ? true : undefined}
                placeholder="sk-…"
                className="min-w-0 flex-1 rounded-md border-0 bg-white px-3 py-2 font-mono text-sm ring-1 ring-zinc-300 ring-inset focus-visible:outline-2 focus-visible:outline-brand-500 dark:bg-zinc-900 dark:ring-zinc-700"
              />
              <button
                type="submit"
                className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
              >
                Use this key
              </button>
            </div>
            <p
              id={hintId}
              className={`text-sm ${problem ? 'text-red-700 dark:text-red-400' : 'text-zinc-500 dark:text-zinc-400'}`}
            >
              {problem ?? 'No key set: runs use the sandbox.'}
            </p>
          </form>
        )}
        <p role="status" className="mt-2 min-h-5 text-sm text-zinc-700 dark:text-zinc-300">
          {status}
        </p>
      </section>

      <section aria-labelledby="backend-title">
        <h2 id="backend-title" className="text-xl font-semibold">
          Backend and limits
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-zinc-500 dark:text-zinc-400">Runs go to</dt>
          <dd data-testid="active-backend">
            {ownKey
              ? 'The upstream model server, with your key'
              : session
                ? session.backend === 'sandbox'
                  ? 'The sandbox: the built-in offline model'
                  : "The upstream model server, paid by this app's key"
                : sessionError
                  ? `Unknown (${sessionError})`
                  : 'Checking…'}
          </dd>
          {session && (
            <>
              <dt className="text-zinc-500 dark:text-zinc-400">Requests per minute</dt>
              <dd>{fmt.format(session.limits.requestsPerMinute)}</dd>
              <dt className="text-zinc-500 dark:text-zinc-400">Tokens per minute</dt>
              <dd>{fmt.format(session.limits.tokensPerMinute)}</dd>
              <dt className="text-zinc-500 dark:text-zinc-400">Output tokens per request</dt>
              <dd>{fmt.format(session.limits.maxOutputTokens)}</dd>
              <dt className="text-zinc-500 dark:text-zinc-400">Messages per request</dt>
              <dd>{fmt.format(session.limits.maxMessages)}</dd>
              <dt className="text-zinc-500 dark:text-zinc-400">Replies per request (n)</dt>
              <dd>{fmt.format(session.limits.maxN)}</dd>
              <dt className="text-zinc-500 dark:text-zinc-400">Models</dt>
              <dd className="font-mono">{session.limits.models.join(', ')}</dd>
              <dt className="text-zinc-500 dark:text-zinc-400">Runner token expires</dt>
              <dd>
                <time dateTime={session.expiresAt}>{new Date(session.expiresAt).toLocaleTimeString()}</time>
              </dd>
            </>
          )}
          <dt className="text-zinc-500 dark:text-zinc-400">Run time limit</dt>
          <dd>
            {RUN_TIME_LIMIT_MS / 1000} s per run; output is capped at {fmt.format(DEFAULT_MAX_OUTPUT_CHARS)}{' '}
            characters.
          </dd>
        </dl>
        <p className="mt-3 text-sm text-zinc-500 dark:text-zinc-400">
          Request and token limits apply per runner token; with your own key the upstream&apos;s limits for
          your account apply too.
        </p>
      </section>
    </div>
  );
}
