'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunState } from '@/components/runner/run-state';
import type { GuideLink } from '@/lib/runner/field-guide';
import { summarizeUsage } from '@/lib/runner/usage';
import { BackendBadge } from './backend-badge';
import { ConsoleView } from './console-view';
import { ErrorCard, type ErrorGuideLink } from './error-card';
import { Inspector } from './inspector';
import { UsageCost, type SessionTotals } from './usage-cost';

const SESSION_TOTALS = 'tokenwise:session-usage';

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

  return (
    <section aria-labelledby="output-title" className="space-y-4" data-phase={state.phase}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="output-title" className="font-semibold">
          Output
        </h3>
        <span role="status" className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="run-status">
          {running
            ? 'Running…'
            : state.outcome
              ? `${OUTCOME_TEXT[state.outcome]}${state.durationMs !== null ? ` in ${state.durationMs} ms` : ''}`
              : 'Press Run or Ctrl+Enter.'}
        </span>
        <span className="ml-auto">
          <BackendBadge backend={backend} />
        </span>
      </div>
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
        <ErrorCard key={i} error={error} errorGuide={errorGuide} guideHref={guideHref} />
      ))}
      <section aria-labelledby="inspector-title">
        <h3 id="inspector-title" className="mb-2 font-semibold">
          Response inspector
        </h3>
        <Inspector exchanges={state.exchanges} guide={fieldGuide} guideHref={guideHref} />
      </section>
      <UsageCost summary={summary} session={session} backend={backend} />
    </section>
  );
}
