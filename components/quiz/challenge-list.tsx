'use client';

import { useEffect, useState } from 'react';
import type { RunExchange } from '@/lib/quiz/exchange';
import { MAX_EXCHANGES } from '@/lib/quiz/wire-limits';
import type { ChallengeResult, ClientChallenge } from '@/lib/quiz/public';
import { DRILL_OPTIONS } from '@/lib/runner/drills';
import { OUTCOMES } from '@/lib/runner/outcomes';
import { dispatchChallengeVerdict } from '@/components/output/challenge-verdict';
import { checkRun } from './api';

const drillLabel = (drill: string) => DRILL_OPTIONS.find((d) => d.value === drill)?.label ?? drill;

/** The event the runner dispatches on `window` after every run (see components/runner/README.md). */
export const RUN_EVENT = 'tokenwise:run';

type Status = { step: 'waiting' } | { step: 'checking' } | { step: 'result'; result: ChallengeResult } | { step: 'failed'; message: string };

interface Props {
  lesson: string;
  challenges: ClientChallenge[];
  passed: string[];
  onPassed: (challengeId: string) => void;
}

/** Reads a run event's last exchanges and how the run ended; the server checks them. */
function runOf(detail: unknown, lesson: string): { exchanges: RunExchange[]; outcome?: string; runId?: string } | null {
  if (typeof detail !== 'object' || detail === null) return null;
  const { lessonSlug, exchanges, outcome, runId } = detail as { lessonSlug?: unknown; exchanges?: unknown; outcome?: unknown; runId?: unknown };
  if (lessonSlug !== lesson || !Array.isArray(exchanges)) return null;
  return {
    // The server checks each exchange and leaves out one that is not well formed (lib/quiz/exchange.ts).
    exchanges: exchanges.slice(-MAX_EXCHANGES) as RunExchange[],
    // Only an outcome the server knows; anything else is left out rather than failing the check.
    outcome: OUTCOMES.find((o) => o === outcome),
    runId: typeof runId === 'string' ? runId : undefined,
  };
}

/**
 * Challenges are passed by running code: after each run of the example, the exchanges it made go to the server,
 * which re-checks them (and replays the requests on the sandbox) against every challenge's rule.
 */
export function ChallengeList({ lesson, challenges, passed, onPassed }: Props) {
  const [statuses, setStatuses] = useState<Record<string, Status>>({});

  useEffect(() => {
    let latest = 0;
    async function onRun(event: Event) {
      const ran = runOf((event as CustomEvent).detail, lesson);
      if (ran === null) return;
      const { exchanges, outcome, runId } = ran;
      const run = ++latest;
      const all = (status: Status) => Object.fromEntries(challenges.map((c) => [c.id, status]));
      if (exchanges.length === 0) {
        setStatuses(all({ step: 'failed', message: 'That run made no chat completion request, so there is nothing to check.' }));
        return;
      }
      setStatuses(all({ step: 'checking' }));
      try {
        const results = await checkRun(lesson, exchanges, outcome);
        if (run !== latest) return; // a newer run is being checked
        setStatuses(Object.fromEntries(results.map((r) => [r.id, { step: 'result', result: r }])));
        if (runId) {
          const title = (id: string) => challenges.find((c) => c.id === id)?.title ?? id;
          dispatchChallengeVerdict({ runId, results: results.map((r) => ({ id: r.id, title: title(r.id), passed: r.passed })) });
        }
        for (const r of results) if (r.passed) onPassed(r.id);
      } catch (error) {
        if (run === latest) setStatuses(all({ step: 'failed', message: (error as Error).message }));
      }
    }
    window.addEventListener(RUN_EVENT, onRun);
    return () => window.removeEventListener(RUN_EVENT, onRun);
  }, [lesson, challenges, onPassed]);

  return (
    <ol className="mt-4 space-y-4">
      {challenges.map((challenge) => {
        const status = statuses[challenge.id] ?? { step: 'waiting' };
        const done = passed.includes(challenge.id);
        const headingId = `challenge-${challenge.id}-title`;
        return (
          <li key={challenge.id} id={`quiz-${challenge.id}`} className="scroll-mt-20">
            <article aria-labelledby={headingId} className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h4 id={headingId} className="font-semibold">
                  {challenge.title}
                </h4>
                {done && (
                  <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-brand-100 ring-inset dark:bg-brand-700/20 dark:text-brand-300 dark:ring-brand-700/40">
                    <span aria-hidden="true">✓ </span>Passed
                  </span>
                )}
              </div>
              <div className="prose-lesson mt-2" dangerouslySetInnerHTML={{ __html: challenge.promptHtml }} />
              {challenge.drill && (
                <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
                  Before you run: pick the <strong>{drillLabel(challenge.drill)}</strong> error drill in the output panel.
                </p>
              )}
              <details className="mt-3 rounded-lg border border-zinc-200 px-4 py-2 dark:border-zinc-800">
                <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-300">Hint</summary>
                <div className="prose-lesson mt-2 text-sm" dangerouslySetInnerHTML={{ __html: challenge.hintHtml }} />
              </details>
              {/* Not live (aria-live off): each run's verdict is announced once, beside the output (ChallengeVerdict). */}
              <p role="status" aria-live="off" className="mt-3 text-sm">
                {status.step === 'waiting' && (
                  <span className="text-zinc-600 dark:text-zinc-400">
                    {done ? 'Passed on an earlier run. ' : ''}Edit the example and run it: each run is checked here.
                  </span>
                )}
                {status.step === 'checking' && <span className="text-zinc-600 dark:text-zinc-400">Checking your run…</span>}
                {status.step === 'failed' && <span className="text-red-700 dark:text-red-300">{status.message}</span>}
                {status.step === 'result' && (
                  <span className={status.result.passed ? 'font-medium text-brand-700 dark:text-brand-300' : 'text-amber-800 dark:text-amber-200'}>
                    {status.result.passed ? 'Passed: ' : done ? 'Passed on an earlier run. This run: ' : 'Not yet: '}
                    {status.result.message}
                  </span>
                )}
              </p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
