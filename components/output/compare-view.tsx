'use client';

import { formatUsd } from '@/lib/models/cost';
import { settingDiffs, sideOf, type RunSide } from '@/lib/runner/compare';
import type { Exchange } from '@/lib/runner/protocol';

export interface ComparedRun {
  runId: string;
  exchanges: readonly Exchange[];
}

const fmt = new Intl.NumberFormat('en-US');

/**
 * The pinned run beside the latest one: the settings that differ, then each side's choices (text and
 * finish_reason), usage and cost. Two columns when the panel is wide enough, stacked otherwise.
 */
export function CompareView({
  pinned,
  current,
  onUnpin,
  onReplace,
}: {
  pinned: ComparedRun;
  current: ComparedRun;
  onUnpin: () => void;
  onReplace: () => void;
}) {
  const a = sideOf(pinned.runId, pinned.exchanges);
  const b = sideOf(current.runId, current.exchanges);
  const diffs = a && b ? settingDiffs(a, b) : [];
  const promptChanged = a && b && a.messages !== b.messages;
  return (
    <section
      aria-labelledby="compare-title"
      className="@container rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800"
      data-testid="compare-view"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="compare-title" className="font-semibold">
          Compare runs
        </h3>
        <div className="ml-auto flex gap-2">
          {b && (
            <button type="button" onClick={onReplace} className={BUTTON}>
              Pin this run instead
            </button>
          )}
          <button type="button" onClick={onUnpin} className={BUTTON}>
            Unpin
          </button>
        </div>
      </div>
      {!b ? (
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">This run made no chat completion to compare.</p>
      ) : (
        <>
          {diffs.length === 0 ? (
            <p className="mt-2 text-zinc-700 dark:text-zinc-300" data-testid="compare-same-settings">
              Same settings in both requests
              {promptChanged ? ', but different messages.' : '. Change one and run again.'}
            </p>
          ) : (
            <div
              className="mt-2 overflow-x-auto"
              role="region"
              aria-label="Settings that differ"
              tabIndex={0}
            >
              <table className="w-full text-left font-mono text-xs">
                <caption className="mb-1 text-left font-sans text-xs text-zinc-600 dark:text-zinc-400">
                  Settings that differ{promptChanged ? ' (the messages differ too)' : ''}
                </caption>
                <thead className="text-zinc-600 dark:text-zinc-400">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Setting
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Pinned run
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      This run
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {diffs.map((d) => (
                    <tr key={d.name} className="border-t border-zinc-200 dark:border-zinc-800">
                      <th scope="row" className="py-1 pr-3 font-medium">
                        {d.name}
                      </th>
                      <td className="py-1 pr-3 break-all">{d.pinned}</td>
                      <td className="py-1 break-all">{d.current}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="mt-3 grid gap-3 @lg:grid-cols-2">
            <Side title="Pinned run" side={a} id="compare-pinned" />
            <Side title="This run" side={b} id="compare-current" />
          </div>
        </>
      )}
    </section>
  );
}

const BUTTON =
  'rounded-md bg-white px-2.5 py-1 text-xs font-medium text-zinc-800 ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800';

function Side({ title, side, id }: { title: string; side: RunSide | null; id: string }) {
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-md bg-zinc-50 p-2.5 dark:bg-zinc-900">
      <h4 id={id} className="text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">
        {title}
      </h4>
      {!side ? (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">No chat completion in that run.</p>
      ) : (
        <>
          <p className="mt-1 font-mono text-xs text-zinc-700 dark:text-zinc-300">
            {side.model ?? 'unknown model'} · {side.status === null ? 'no response' : `status ${side.status}`}
            {side.calls > 1 && ` · last of ${side.calls} calls`}
          </p>
          {side.error && <p className="mt-1 text-xs text-red-700 dark:text-red-300">{side.error}</p>}
          <ol className="mt-2 space-y-2" aria-label={`${title}: choices`}>
            {side.choices.map((choice) => (
              <li key={choice.index}>
                <p className="font-mono text-xs text-zinc-700 dark:text-zinc-300">
                  choice {choice.index} · finish_reason:{' '}
                  <span className="font-semibold">{choice.finishReason ?? 'none'}</span>
                </p>
                {choice.text && (
                  <p className="mt-0.5 break-words whitespace-pre-wrap" data-testid="compare-text">
                    {choice.text}
                    {choice.truncated && <span className="text-zinc-600 dark:text-zinc-400"> … (cut)</span>}
                  </p>
                )}
                {choice.refusal && <p className="mt-0.5 italic">Refusal: {choice.refusal}</p>}
                {choice.toolCalls.map((call, i) => (
                  <p key={i} className="mt-0.5 font-mono text-xs break-all">
                    {call}
                  </p>
                ))}
              </li>
            ))}
          </ol>
          {side.moreChoices > 0 && (
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              and {side.moreChoices} more choices (see the inspector)
            </p>
          )}
          {side.usage ? (
            <p className="mt-2 font-mono text-xs text-zinc-700 dark:text-zinc-300">
              {fmt.format(side.usage.promptTokens)} prompt + {fmt.format(side.usage.completionTokens)}{' '}
              completion = {fmt.format(side.usage.totalTokens)} tokens ·{' '}
              {side.usage.cost === null ? 'price unknown' : formatUsd(side.usage.cost)}
            </p>
          ) : (
            <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">No usage reported.</p>
          )}
        </>
      )}
    </section>
  );
}
