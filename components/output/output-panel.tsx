'use client';

import dynamic from 'next/dynamic';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunState } from '@/components/runner/run-state';
import type { GuideLink } from '@/lib/runner/field-guide';
import { isChatCompletion } from '@/lib/runner/endpoint';
import type { Exchange } from '@/lib/runner/protocol';
import { summarizeUsage } from '@/lib/runner/usage';
import { BackendBadge } from './backend-badge';
import { ChallengeVerdict } from './challenge-verdict';
import { ConsoleView } from './console-view';
import { ErrorCard, type ErrorGuideLink } from './error-card';
import { Inspector } from './inspector';
import { UsageCost, type SessionTotals } from './usage-cost';
import type { ComparedRun } from './compare-view';

// Views that only some runs need load when a run has something for them (a stream, a retry, a pin, headers).
const CompareView = dynamic(() => import('./compare-view').then((m) => m.CompareView), { ssr: false });
const StreamTimeline = dynamic(() => import('./stream-timeline').then((m) => m.StreamTimeline), {
  ssr: false,
});
const AttemptsTimeline = dynamic(() => import('./attempts-timeline').then((m) => m.AttemptsTimeline), {
  ssr: false,
});
const RateLimitGauge = dynamic(() => import('./rate-limit-gauge').then((m) => m.RateLimitGauge), {
  ssr: false,
});
const TokenView = dynamic(() => import('./token-view').then((m) => m.TokenView), { ssr: false });

/** A cheap test before loading the attempts view: an attempt the SDK numbered as a retry, or a repeat after a failure. */
const mayHaveRetries = (exchanges: readonly Exchange[]) =>
  exchanges.some((e, i) => {
    const count = e.requestHeaders?.['x-stainless-retry-count'];
    if (count !== undefined) return count !== '0';
    const before = exchanges[i - 1];
    return (
      before?.path === e.path &&
      (before.status === null || [408, 409, 429].includes(before.status) || before.status >= 500)
    );
  });

const SESSION_TOTALS = 'tokenwise:session-usage';

const SMALL_BUTTON =
  'rounded-md bg-white px-2.5 py-1 text-xs font-medium text-zinc-800 ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800';

export interface OutputPanelProps {
  state: RunState;
  fieldGuide: readonly GuideLink[];
  errorGuide: readonly ErrorGuideLink[];
  /** Prefix for guide links ('' on a lesson page). */
  guideHref: string;
  /** The backend runs go to before any response says so. */
  expectedBackend: 'sandbox' | 'upstream' | null;
}

const OUTCOME_TEXT = {
  completed: 'Finished',
  failed: 'Failed',
  stopped: 'Stopped',
  'timed-out': 'Stopped: time limit',
} as const;

function readTotals(): SessionTotals {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(SESSION_TOTALS) ?? 'null') as SessionTotals | null;
    if (parsed && [parsed.runs, parsed.tokens, parsed.cost].every((n) => typeof n === 'number'))
      return parsed;
  } catch {}
  return { runs: 0, tokens: 0, cost: 0 };
}

/** Console, then errors, then the response inspector, then usage and cost. */
export function OutputPanel({ state, fieldGuide, errorGuide, guideHref, expectedBackend }: OutputPanelProps) {
  const summary = useMemo(() => summarizeUsage(state.exchanges), [state.exchanges]);
  const [session, setSession] = useState<SessionTotals>({ runs: 0, tokens: 0, cost: 0 });
  const counted = useRef<string | null>(null);
  const [pinned, setPinned] = useState<ComparedRun | null>(null);
  // Pin and Unpin replace the button pressed; focus moves to its counterpart instead of falling to <body>.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFocusTarget(null);
  }, [focusTarget, pinned]);

  useEffect(() => {
    // Read after mount: sessionStorage does not exist on the server.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(readTotals());
  }, []);

  useEffect(() => {
    if (state.phase !== 'done' || !state.runId || counted.current === state.runId) return;
    counted.current = state.runId;
    const before = readTotals();
    const next = {
      runs: before.runs + 1,
      tokens: before.tokens + summary.totalTokens,
      cost: before.cost + summary.cost,
    };
    try {
      sessionStorage.setItem(SESSION_TOTALS, JSON.stringify(next));
    } catch {}
    setSession(next);
  }, [state.phase, state.runId, summary]);

  const answered = [...state.exchanges].reverse().find((e) => e.headers['x-tokenwise-backend']);
  const backendHeader = answered?.headers['x-tokenwise-backend'];
  const backend =
    backendHeader === 'sandbox' || backendHeader === 'upstream' ? backendHeader : expectedBackend;
  const running = state.phase === 'preparing' || state.phase === 'running';
  const done = state.phase === 'done' && state.runId !== null;
  // The token view shows the run's last chat request, beside what its response reported.
  const lastChat = [...state.exchanges].reverse().find(isChatCompletion);
  const lastPromptTokens =
    (lastChat && summary.rows.find((r) => r.exchangeId === lastChat.id)?.promptTokens) ?? null;
  const canPin = done && state.exchanges.some(isChatCompletion);
  const pinCurrent = () => {
    if (!state.runId) return;
    setPinned({ runId: state.runId, exchanges: state.exchanges });
    setFocusTarget('compare-unpin');
  };
  const unpin = () => {
    setPinned(null);
    setFocusTarget(canPin ? 'compare-pin' : 'output-title');
  };
  const streamed = state.exchanges.some((e) => e.chunks !== undefined);
  const rateLimited = state.exchanges.some((e) =>
    Object.keys(e.headers).some((h) => h.startsWith('x-ratelimit-')),
  );

  return (
    <section
      aria-labelledby="output-title"
      className="space-y-4"
      data-phase={state.phase}
      data-testid="output-panel"
    >
      {/* Sticky inside a lesson's scrolling output area (.workbench-fit), so the run's status stays in sight. */}
      <div data-output-header className="flex flex-wrap items-center gap-2 bg-zinc-50 dark:bg-zinc-900">
        <h3 id="output-title" className="font-semibold">
          Output
        </h3>
        <span role="status" className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="run-status">
          {running ? (
            state.phase === 'preparing' ? (
              'Preparing…'
            ) : (
              'Running…'
            )
          ) : state.outcome ? (
            `${OUTCOME_TEXT[state.outcome]}${state.durationMs !== null ? ` in ${state.durationMs} ms` : ''}`
          ) : (
            <>
              Press Run<span className="pointer-coarse:hidden"> or Ctrl+Enter</span>.
            </>
          )}
        </span>
        {canPin && !pinned && (
          <button id="compare-pin" type="button" onClick={pinCurrent} className={SMALL_BUTTON}>
            Pin to compare
          </button>
        )}
        <span className="ml-auto">
          <BackendBadge backend={backend} />
        </span>
      </div>
      <ChallengeVerdict runId={state.runId} />
      {pinned && (!done || pinned.runId === state.runId) && (
        <p
          className="flex flex-wrap items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300"
          data-testid="pinned-note"
        >
          {pinned.runId === state.runId
            ? 'This run is pinned. Change a setting and run again to see both side by side.'
            : 'A run is pinned; this one will be compared with it.'}
          <button id="compare-unpin" type="button" onClick={unpin} className={SMALL_BUTTON}>
            Unpin
          </button>
        </p>
      )}
      {state.notes.length > 0 && (
        <ul className="space-y-1 text-sm text-zinc-700 dark:text-zinc-300" aria-label="Runner notes">
          {state.notes.map((note, i) => (
            <li key={i} className="rounded-md bg-amber-50 px-2.5 py-1.5 dark:bg-amber-950/40">
              {note}
            </li>
          ))}
        </ul>
      )}
      <ConsoleView entries={state.console} running={running} />
      {state.errors.map((error, i) => (
        <ErrorCard
          key={i}
          error={error}
          errorGuide={errorGuide}
          guideHref={guideHref}
          via={state.via}
          drill={state.drill}
        />
      ))}
      {mayHaveRetries(state.exchanges) && <AttemptsTimeline exchanges={state.exchanges} />}
      {pinned && done && pinned.runId !== state.runId && (
        <CompareView
          pinned={pinned}
          current={{ runId: state.runId!, exchanges: state.exchanges }}
          onUnpin={unpin}
          onReplace={pinCurrent}
        />
      )}
      {streamed && <StreamTimeline exchanges={state.exchanges} />}
      <section aria-labelledby="inspector-title">
        <h3 id="inspector-title" className="mb-2 font-semibold">
          Response inspector
        </h3>
        <Inspector exchanges={state.exchanges} guide={fieldGuide} guideHref={guideHref} />
      </section>
      <UsageCost summary={summary} session={session} backend={backend} />
      {rateLimited && <RateLimitGauge exchanges={state.exchanges} />}
      {done && lastChat && (
        <TokenView key={state.runId} request={lastChat.request} promptTokens={lastPromptTokens} />
      )}
    </section>
  );
}
