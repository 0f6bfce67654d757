'use client';

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
  return (
    <details
      open={open}
      className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950"
    >
      <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-2 gap-y-1 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-500">
        <span className="text-zinc-500">#{index}</span>
        <span className="font-mono">
          {exchange.method} {exchange.path.replace(/^\/api\/v1/, '')}
        </span>
        <span className={`font-mono font-semibold ${statusClass(exchange.status)}`}>
          {exchange.status ?? 'no response'}
        </span>
        <span className="text-zinc-500">{exchange.durationMs} ms</span>
        {model && <span className="font-mono text-zinc-600 dark:text-zinc-400">{model}</span>}
        {stream && (
          <span className="rounded bg-sky-100 px-1.5 text-xs text-sky-900 dark:bg-sky-950 dark:text-sky-200">
            stream · {exchange.chunks!.length} chunks
          </span>
        )}
      </summary>
      <div className="space-y-3 border-t border-zinc-200 px-3 py-3 dark:border-zinc-800">
        {exchange.error && <p className="text-sm text-red-700 dark:text-red-400">{exchange.error}</p>}
        {body !== undefined && (
          <section aria-label={stream ? 'Response, assembled from the stream' : 'Response'}>
            <h4 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
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
        {stream && exchange.chunks!.length > 0 && (
          <details>
            <summary className="cursor-pointer text-xs font-semibold tracking-wide text-zinc-500 uppercase">
              Chunks ({exchange.chunks!.length})
            </summary>
            <ol className="mt-1 space-y-1">
              {exchange.chunks!.map((chunk, i) => (
                <li key={i} className="border-l-2 border-zinc-200 pl-2 dark:border-zinc-800">
                  <JsonTree value={chunk} label={`Chunk ${i + 1}`} openDepth={0} />
                </li>
              ))}
            </ol>
          </details>
        )}
        <details>
          <summary className="cursor-pointer text-xs font-semibold tracking-wide text-zinc-500 uppercase">
            Request
          </summary>
          <div className="mt-1">
            <JsonTree value={exchange.request} label={`Request ${index}`} openDepth={2} />
          </div>
        </details>
        {Object.keys(exchange.headers).length > 0 && (
          <details>
            <summary className="cursor-pointer text-xs font-semibold tracking-wide text-zinc-500 uppercase">
              Response headers
            </summary>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs">
              {Object.entries(exchange.headers).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="text-zinc-500">{name}</dt>
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
