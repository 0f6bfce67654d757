'use client';

import { retriedCalls, type Attempt, type Call } from '@/lib/runner/attempts';
import type { Exchange } from '@/lib/runner/protocol';
import { formatWait } from '@/lib/runner/rate-limit-headers';

/** Calls the SDK retried: each attempt, its status, and how long the SDK waited before it (and why). */
export function AttemptsTimeline({ exchanges }: { exchanges: readonly Exchange[] }) {
  const calls = retriedCalls(exchanges);
  if (!calls.length) return null;
  return (
    <section aria-labelledby="attempts-title" className="text-sm" data-testid="attempts-timeline">
      <h3 id="attempts-title" className="font-semibold">
        Retries
      </h3>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        The SDK sent {calls.length === 1 ? 'this request' : 'these requests'} again on its own (it retries
        408, 409, 429, 5xx and lost connections, waiting as the response asks with <code>retry-after-ms</code>{' '}
        or <code>retry-after</code>).
      </p>
      {calls.map((call, i) => (
        <CallTimeline key={call.attempts[0]!.exchangeId} call={call} index={i + 1} />
      ))}
    </section>
  );
}

function statusText(attempt: Attempt) {
  return attempt.status === null ? 'no response' : String(attempt.status);
}

function statusClass(status: number | null) {
  return status === null || status >= 400
    ? 'text-red-700 dark:text-red-300'
    : 'text-emerald-800 dark:text-emerald-300';
}

function CallTimeline({ call, index }: { call: Call; index: number }) {
  const span = Math.max(1, call.totalMs);
  const last = call.attempts[call.attempts.length - 1]!;
  return (
    <figure className="mt-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <figcaption className="flex flex-wrap gap-x-2 font-mono text-xs">
        <span>
          {call.method} {call.path.replace(/^\/api\/v1/, '')}
        </span>
        <span>
          {call.attempts.length} attempts in {formatWait(call.totalMs)}, ended{' '}
          <span className={`font-semibold ${statusClass(last.status)}`}>{statusText(last)}</span>
        </span>
      </figcaption>
      {/* The bar is a picture of the list below it, which carries the same facts for screen readers. */}
      <div aria-hidden="true" className="relative mt-2 h-4 rounded bg-zinc-100 dark:bg-zinc-900">
        {call.attempts.map((a) => (
          <span
            key={a.exchangeId}
            className={`absolute top-0 h-4 min-w-1 rounded-sm ${a.status !== null && a.status < 400 ? 'bg-emerald-600 dark:bg-emerald-400' : 'bg-red-600 dark:bg-red-400'}`}
            style={{ left: `${(a.startMs / span) * 100}%`, width: `${(a.durationMs / span) * 100}%` }}
          />
        ))}
      </div>
      <ol aria-label={`Attempts of call ${index}`} className="mt-2 space-y-1 text-xs">
        {call.attempts.map((a) => (
          <li key={a.exchangeId} className="flex flex-wrap gap-x-2">
            <span className="font-medium">Attempt {a.number}</span>
            <span className={`font-mono font-semibold ${statusClass(a.status)}`}>{statusText(a)}</span>
            <span className="text-zinc-600 dark:text-zinc-400">
              at +{formatWait(a.startMs)}, took {formatWait(a.durationMs)}
            </span>
            {a.number > 1 && (
              <span>
                waited {formatWait(a.waitedMs)} before it
                {a.askedMs !== null && <> (the response asked for {formatWait(a.askedMs)})</>}
              </span>
            )}
            {a.retryCount !== null && (
              <span className="font-mono text-zinc-600 dark:text-zinc-400">
                x-stainless-retry-count: {a.retryCount}
              </span>
            )}
            {a.error && <span className="text-red-700 dark:text-red-300">{a.error}</span>}
          </li>
        ))}
      </ol>
    </figure>
  );
}
