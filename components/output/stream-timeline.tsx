'use client';

import type { Exchange } from '@/lib/runner/protocol';
import { formatWait } from '@/lib/runner/rate-limit-headers';
import { streamStats, type ChunkKind, type StreamStats } from '@/lib/runner/stream-stats';

/** Streams beyond this many in one run are left to the inspector. */
const MAX_STREAMS = 3;

const KIND_CLASS: Record<ChunkKind, string> = {
  content: 'bg-brand-600 dark:bg-brand-300',
  role: 'bg-zinc-500 dark:bg-zinc-400',
  finish: 'bg-amber-600 dark:bg-amber-400',
  usage: 'bg-sky-700 dark:bg-sky-300',
  other: 'bg-zinc-500 dark:bg-zinc-400',
};

const KIND_LABEL: [ChunkKind, string][] = [
  ['content', 'text'],
  ['role', 'role'],
  ['finish', 'finish_reason'],
  ['usage', 'usage'],
];

/** For each streamed response: when the first token came, how many chunks, how long it all took, and when each came. */
export function StreamTimeline({ exchanges }: { exchanges: readonly Exchange[] }) {
  const all = exchanges.flatMap((e, i) => {
    const stats = streamStats(e);
    return stats ? [{ stats, index: i + 1 }] : [];
  });
  if (!all.length) return null;
  const shown = all.slice(-MAX_STREAMS);
  return (
    <section aria-labelledby="stream-title" className="text-sm" data-testid="stream-timeline">
      <h3 id="stream-title" className="font-semibold">
        Stream timeline
      </h3>
      {all.length > shown.length && (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          The last {shown.length} of {all.length} streams; the inspector has them all.
        </p>
      )}
      {shown.map(({ stats, index }) => (
        <StreamView key={stats.exchangeId} stats={stats} index={index} />
      ))}
    </section>
  );
}

function StreamView({ stats, index }: { stats: StreamStats; index: number }) {
  const span = Math.max(1, stats.totalMs, stats.marks[stats.marks.length - 1]?.atMs ?? 0);
  const at = (ms: number) => `${Math.min(100, (ms / span) * 100)}%`;
  const facts: [string, string][] = [
    ['Time to first token', stats.firstTokenMs === null ? 'no text' : formatWait(stats.firstTokenMs)],
    ['Chunks', `${stats.chunkCount} (${stats.contentChunks} with text)`],
    ['Total time', formatWait(stats.totalMs)],
  ];
  if (stats.headersAtMs !== null) facts.push(['Headers after', formatWait(stats.headersAtMs)]);
  if (stats.longestGapMs !== null) facts.push(['Longest gap', formatWait(stats.longestGapMs)]);
  return (
    <figure className="mt-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <figcaption className="font-mono text-xs">Response #{index}, streamed</figcaption>
      <dl className="mt-1 grid grid-cols-2 gap-x-4 gap-y-0.5 text-xs sm:grid-cols-3">
        {facts.map(([name, value]) => (
          <div key={name}>
            <dt className="text-zinc-600 dark:text-zinc-400">{name}</dt>
            <dd className="font-mono font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      {stats.marks.length > 0 && (
        // A picture of the facts above: one tick per chunk at its arrival time.
        <div aria-hidden="true" className="mt-3">
          <div className="relative h-6 rounded bg-zinc-100 dark:bg-zinc-900">
            {stats.headersAtMs !== null && (
              <span
                className="absolute top-0 h-6 border-l border-dashed border-zinc-500"
                style={{ left: at(stats.headersAtMs) }}
              />
            )}
            {stats.marks.map((mark, i) => (
              <span
                key={i}
                className={`absolute top-1 h-4 w-0.5 ${KIND_CLASS[mark.kind]}`}
                style={{ left: at(mark.atMs) }}
              />
            ))}
            {stats.firstTokenMs !== null && (
              <span
                className="absolute -top-1 h-8 w-0.5 bg-zinc-900 dark:bg-white"
                style={{ left: at(stats.firstTokenMs) }}
              />
            )}
          </div>
          <div className="mt-0.5 flex justify-between font-mono text-[11px] text-zinc-600 dark:text-zinc-400">
            <span>0 ms</span>
            <span>{formatWait(span)}</span>
          </div>
          <p className="mt-1 flex flex-wrap gap-x-3 text-[11px] text-zinc-600 dark:text-zinc-400">
            {KIND_LABEL.map(([kind, label]) => (
              <span key={kind} className="inline-flex items-center gap-1">
                <span className={`inline-block h-3 w-0.5 ${KIND_CLASS[kind]}`} />
                {label}
              </span>
            ))}
            <span className="inline-flex items-center gap-1">
              <span className="inline-block h-3 w-0.5 bg-zinc-900 dark:bg-white" />
              first token
            </span>
            {stats.headersAtMs !== null && (
              <span className="inline-flex items-center gap-1">
                <span className="inline-block h-3 border-l border-dashed border-zinc-500" />
                headers
              </span>
            )}
          </p>
        </div>
      )}
      {stats.error && <p className="mt-2 text-xs text-red-700 dark:text-red-300">{stats.error}</p>}
    </figure>
  );
}
