'use client';

import type { Exchange } from '@/lib/runner/protocol';
import {
  formatWait,
  lastRateLimit,
  remainingShare,
  type RateLimitBucket,
} from '@/lib/runner/rate-limit-headers';

const fmt = new Intl.NumberFormat('en-US');

/** Remaining requests and tokens from the run's last `x-ratelimit-*` headers, as two meters with their reset. */
export function RateLimitGauge({ exchanges }: { exchanges: readonly Exchange[] }) {
  const reading = lastRateLimit(exchanges);
  if (!reading) return null;
  const index = exchanges.findIndex((e) => e.id === reading.exchangeId) + 1;
  return (
    <section aria-labelledby="rate-limit-title" className="text-sm" data-testid="rate-limit-gauge">
      <h3 id="rate-limit-title" className="font-semibold">
        Rate limits left
      </h3>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        From the <code>x-ratelimit-*</code> headers of response #{index}, received at{' '}
        <time dateTime={new Date(reading.receivedAt).toISOString()}>
          {new Date(reading.receivedAt).toLocaleTimeString('en-GB')}
        </time>
        .
      </p>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <Gauge name="Requests" bucket={reading.requests} unit="requests" />
        <Gauge name="Tokens" bucket={reading.tokens} unit="tokens" />
      </div>
    </section>
  );
}

function Gauge({ name, bucket, unit }: { name: string; bucket: RateLimitBucket | null; unit: string }) {
  const share = remainingShare(bucket);
  const id = `rate-${unit}`;
  if (!bucket)
    return (
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {name}: no <code>x-ratelimit-*-{unit}</code> headers.
      </p>
    );
  const text =
    bucket.remaining !== null && bucket.limit !== null
      ? `${fmt.format(bucket.remaining)} of ${fmt.format(bucket.limit)} ${unit} left`
      : bucket.remaining !== null
        ? `${fmt.format(bucket.remaining)} ${unit} left (limit not sent)`
        : `${unit}: remaining not sent`;
  const low = share !== null && share < 0.1;
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-x-2">
        <span id={`${id}-label`} className="font-medium">
          {name}
        </span>
        <span className={`font-mono text-xs ${low ? 'font-semibold text-red-700 dark:text-red-300' : ''}`}>
          {text}
        </span>
      </div>
      {share !== null && (
        <div
          role="meter"
          aria-labelledby={`${id}-label`}
          aria-valuemin={0}
          aria-valuemax={bucket.limit!}
          aria-valuenow={bucket.remaining!}
          aria-valuetext={text}
          className="mt-1 h-2 overflow-hidden rounded-full bg-zinc-200 ring-1 ring-zinc-400 ring-inset dark:bg-zinc-800 dark:ring-zinc-600"
        >
          <div
            className={`h-full rounded-full ${low ? 'bg-red-600 dark:bg-red-400' : 'bg-brand-600 dark:bg-brand-300'}`}
            style={{ width: `${Math.round(share * 100)}%` }}
          />
        </div>
      )}
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {bucket.reset === null ? (
          'Reset time not sent.'
        ) : (
          <>
            Back to the full limit in{' '}
            {bucket.resetMs === null ? <code>{bucket.reset}</code> : formatWait(bucket.resetMs)} (
            <code>{bucket.reset}</code>)
          </>
        )}
      </p>
    </div>
  );
}
