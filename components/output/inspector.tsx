'use client';

import { useState } from 'react';
import type { GuideLink } from '@/lib/runner/field-guide';
import type { Exchange } from '@/lib/runner/protocol';
import { completionOf } from '@/lib/runner/usage';
import { JsonTree } from './json-tree';

/** Every exchange of the run: the response as a tree (a stream assembled, its chunks beside it), then the request. */
export function Inspector({
  exchanges,
  guide,
  guideHref,
}: {
  exchanges: Exchange[];
  guide: readonly GuideLink[];
  guideHref: string;
}) {
  if (!exchanges.length) return <p className="text-sm text-zinc-500 dark:text-zinc-400">No API calls yet.</p>;
  return (
    <ol className="space-y-2">
      {exchanges.map((exchange, i) => (
        <li key={exchange.id}>
          <ExchangeView
            exchange={exchange}
            index={i + 1}
            open={i === exchanges.length - 1}
            guide={guide}
            guideHref={guideHref}
          />
        </li>
      ))}
    </ol>
  );
}

function statusClass(status: number | null) {
  if (status === null || status >= 400) return 'text-red-700 dark:text-red-400';
  return 'text-emerald-700 dark:text-emerald-400';
}

function ExchangeView({
  exchange,
  index,
  open,
  guide,
  guideHref,
}: {
  exchange: Exchange;
  index: number;
  open: boolean;
  guide: readonly GuideLink[];
  guideHref: string;
}) {
  const completion = completionOf(exchange);
  const stream = exchange.chunks !== undefined;
  const model = (completion?.model ?? (exchange.request as { model?: unknown } | null)?.model) as
    string | undefined;
  const body = completion ?? exchange.response;
  const [raw, setRaw] = useState(false);
  const showRaw = stream && raw;
  return (
    <details
      open={open}
      className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950"
    >
      <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-2 gap-y-1 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-500">
        <span className="text-zinc-600 dark:text-zinc-400">#{index}</span>
        <span className="font-mono">
          {exchange.method} {exchange.path.replace(/^\/api\/v1/, '')}
        </span>
        <span className={`font-mono font-semibold ${statusClass(exchange.status)}`}>
          {exchange.status ?? 'no response'}
        </span>
        <span className="text-zinc-600 dark:text-zinc-400">{exchange.durationMs} ms</span>
        {model && <span className="font-mono text-zinc-600 dark:text-zinc-400">{model}</span>}
        {stream && (
          <span className="rounded bg-sky-100 px-1.5 text-xs text-sky-900 dark:bg-sky-950 dark:text-sky-200">
            stream · {exchange.chunks!.length} chunks
          </span>
        )}
      </summary>
      <div className="space-y-3 border-t border-zinc-200 px-3 py-3 dark:border-zinc-800">
        {exchange.error && <p className="text-sm text-red-700 dark:text-red-400">{exchange.error}</p>}
        {stream && (
          <div
            role="group"
            aria-label="Show the stream"
            className="inline-flex rounded-md ring-1 ring-zinc-300 dark:ring-zinc-700"
          >
            {[false, true].map((value) => (
              <button
                key={String(value)}
                type="button"
                aria-pressed={raw === value}
                onClick={() => setRaw(value)}
                className={`px-2.5 py-1 text-xs font-medium first:rounded-l-md last:rounded-r-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 ${
                  raw === value
                    ? 'bg-zinc-800 text-white dark:bg-zinc-200 dark:text-zinc-900'
                    : 'bg-white text-zinc-800 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800'
                }`}
              >
                {value ? `Raw chunks (${exchange.chunks!.length})` : 'Assembled'}
              </button>
            ))}
          </div>
        )}
        {body !== undefined && !showRaw && (
          <section aria-label={stream ? 'Response, assembled from the stream' : 'Response'}>
            <h4 className="mb-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
              {stream ? 'Response, assembled from the stream' : 'Response'}
            </h4>
            <JsonTree
              value={body}
              label={`Response ${index}`}
              guide={guide}
              guideHref={guideHref}
              openDepth={4}
            />
          </section>
        )}
        {showRaw && <RawChunks exchange={exchange} index={index} />}
        <details>
          <summary className="cursor-pointer text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
            Request
          </summary>
          <div className="mt-1">
            <JsonTree value={exchange.request} label={`Request ${index}`} openDepth={2} />
          </div>
          {exchange.requestHeaders && Object.keys(exchange.requestHeaders).length > 0 && (
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs">
              {Object.entries(exchange.requestHeaders).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="text-zinc-600 dark:text-zinc-400">{name}</dt>
                  <dd className="break-all">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </details>
        {Object.keys(exchange.headers).length > 0 && (
          <details>
            <summary className="cursor-pointer text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
              Response headers
            </summary>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs">
              {Object.entries(exchange.headers).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="text-zinc-600 dark:text-zinc-400">{name}</dt>
                  <dd className="break-all">{value}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </div>
    </details>
  );
}

/** Raw chunks are capped on screen: a long stream has thousands. */
const MAX_RAW_CHUNKS = 300;
const MAX_CHUNK_TEXT = 2_000;

function rawText(chunk: unknown): string {
  let text: string;
  try {
    text = typeof chunk === 'string' ? chunk : (JSON.stringify(chunk) ?? String(chunk));
  } catch {
    text = String(chunk);
  }
  return text.length > MAX_CHUNK_TEXT ? `${text.slice(0, MAX_CHUNK_TEXT)}…` : text;
}

/** Each `data:` event of the stream as the wire carried it (re-serialised JSON), with when it arrived. */
function RawChunks({ exchange, index }: { exchange: Exchange; index: number }) {
  const chunks = exchange.chunks ?? [];
  const times = exchange.chunkTimes?.length === chunks.length ? exchange.chunkTimes : null;
  return (
    <section aria-label={`Raw chunks of response ${index}`}>
      <h4 className="mb-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
        Raw chunks, as they arrived
      </h4>
      <ol className="space-y-1 font-mono text-xs">
        {chunks.slice(0, MAX_RAW_CHUNKS).map((chunk, i) => (
          <li key={i} className="flex gap-2 border-l-2 border-zinc-200 pl-2 dark:border-zinc-800">
            {times && <span className="shrink-0 text-zinc-600 dark:text-zinc-400">+{times[i]} ms</span>}
            <code className="min-w-0 break-all">data: {rawText(chunk)}</code>
          </li>
        ))}
        {exchange.error === undefined && chunks.length <= MAX_RAW_CHUNKS && (
          <li className="border-l-2 border-zinc-200 pl-2 dark:border-zinc-800">
            <code>data: [DONE]</code>
          </li>
        )}
      </ol>
      {chunks.length > MAX_RAW_CHUNKS && (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          The first {MAX_RAW_CHUNKS} of {chunks.length} chunks are shown.
        </p>
      )}
    </section>
  );
}
