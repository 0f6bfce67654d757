'use client';

import { formatUsd } from '@/lib/models/cost';
import type { UsageSummary } from '@/lib/runner/usage';

export interface SessionTotals {
  runs: number;
  tokens: number;
  cost: number;
}

const fmt = new Intl.NumberFormat('en-US');

/** Tokens and dollars of the run, per request and in total, at the catalog's dated prices; and the session's total. */
export function UsageCost({
  summary,
  session,
  backend,
}: {
  summary: UsageSummary;
  session: SessionTotals;
  backend: 'sandbox' | 'upstream' | null;
}) {
  return (
    <section aria-labelledby="usage-title" className="text-sm">
      <h3 id="usage-title" className="font-semibold">
        Usage and cost
      </h3>
      {summary.rows.length === 0 ? (
        <p className="mt-1 text-zinc-500 dark:text-zinc-400">No usage reported in this run.</p>
      ) : (
        <div
          className="mt-2 overflow-x-auto"
          tabIndex={0}
          role="region"
          aria-label="Usage and cost of this run"
        >
          <table className="w-full text-left font-mono text-xs">
            <thead className="text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Model
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Prompt
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Completion
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Total
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.rows.map((row) => (
                <tr key={row.exchangeId} className="border-t border-zinc-200 dark:border-zinc-800">
                  <td className="py-1 pr-3">{row.model}</td>
                  <td className="py-1 pr-3 text-right">{fmt.format(row.promptTokens)}</td>
                  <td className="py-1 pr-3 text-right">{fmt.format(row.completionTokens)}</td>
                  <td className="py-1 pr-3 text-right">{fmt.format(row.totalTokens)}</td>
                  <td className="py-1 text-right">{row.cost === null ? 'unknown' : formatUsd(row.cost)}</td>
                </tr>
              ))}
            </tbody>
            {summary.rows.length > 1 && (
              <tfoot>
                <tr className="border-t-2 border-zinc-300 font-semibold dark:border-zinc-700">
                  <th scope="row" className="py-1 pr-3 text-left">
                    This run
                  </th>
                  <td className="py-1 pr-3 text-right">{fmt.format(summary.promptTokens)}</td>
                  <td className="py-1 pr-3 text-right">{fmt.format(summary.completionTokens)}</td>
                  <td className="py-1 pr-3 text-right">{fmt.format(summary.totalTokens)}</td>
                  <td className="py-1 text-right">{formatUsd(summary.cost)}</td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400" data-testid="usage-summary">
        This run: <strong>{fmt.format(summary.totalTokens)} tokens</strong>,{' '}
        <strong>{formatUsd(summary.cost)}</strong>
        {summary.unpriced && ' (plus calls to models without a known price)'}. Session:{' '}
        {fmt.format(session.tokens)} tokens, {formatUsd(session.cost)} over {session.runs}{' '}
        {session.runs === 1 ? 'run' : 'runs'}.
      </p>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        Prices from {summary.priceSource}, data published{' '}
        <time dateTime={summary.pricesCheckedOn}>{summary.pricesCheckedOn}</time>.
        {backend === 'sandbox' &&
          ' Sandbox runs are free: this is what the same tokens would cost on OpenAI.'}
      </p>
    </section>
  );
}
