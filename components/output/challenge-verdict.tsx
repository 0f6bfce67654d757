'use client';

import { useEffect, useState } from 'react';

/**
 * The quiz's challenge list checks every run of a lesson's example on the server; it tells the output panel what
 * that run passed with this event, so the learner sees it beside the output (and hears it once).
 */
export const CHALLENGE_VERDICT_EVENT = 'tokenwise:challenge-verdict';

export interface ChallengeVerdictDetail {
  /** The run the verdict is about (the run event's runId). */
  runId: string;
  results: { id: string; title: string; passed: boolean }[];
}

export function dispatchChallengeVerdict(detail: ChallengeVerdictDetail) {
  window.dispatchEvent(new CustomEvent<ChallengeVerdictDetail>(CHALLENGE_VERDICT_EVENT, { detail }));
}

/** The challenges' titles, each linked to its card in the quiz. */
function Links({ results }: { results: ChallengeVerdictDetail['results'] }) {
  return results.map((r, i) => (
    <span key={r.id}>
      {i > 0 && ', '}
      <a href={`#quiz-${r.id}`} className="font-medium underline">
        {r.title}
      </a>
    </span>
  ));
}

/** One live region: empty until the current run's verdict arrives, then one sentence naming what it passed. */
export function ChallengeVerdict({ runId }: { runId: string | null }) {
  const [verdict, setVerdict] = useState<ChallengeVerdictDetail | null>(null);

  useEffect(() => {
    const onVerdict = (event: Event) => setVerdict((event as CustomEvent<ChallengeVerdictDetail>).detail);
    window.addEventListener(CHALLENGE_VERDICT_EVENT, onVerdict);
    return () => window.removeEventListener(CHALLENGE_VERDICT_EVENT, onVerdict);
  }, []);

  const current = verdict && verdict.runId === runId ? verdict.results : [];
  const passed = current.filter((r) => r.passed);
  const open = current.filter((r) => !r.passed);
  return (
    <div role="status" data-testid="challenge-verdict" className="empty:absolute">
      {current.length > 0 && (
        <p
          className={`rounded-md px-2.5 py-1.5 text-sm ${
            passed.length
              ? 'bg-brand-50 text-brand-700 dark:bg-brand-700/20 dark:text-brand-300'
              : 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300'
          }`}
        >
          {passed.length > 0 && (
            <>
              <span aria-hidden="true">✓ </span>
              <strong>{passed.length === 1 ? 'Challenge passed' : 'Challenges passed'}:</strong>{' '}
              <Links results={passed} />.{' '}
            </>
          )}
          {open.length > 0 && (
            <>
              {passed.length ? 'Not yet: ' : 'No challenge passed by this run. Not yet: '}
              <Links results={open} />.
            </>
          )}
        </p>
      )}
    </div>
  );
}
