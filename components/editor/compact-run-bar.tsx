'use client';

import { useEffect, useState, type RefObject } from 'react';
import { DRILL_OPTIONS } from '@/lib/runner/drills';
import type { RunnerDrill as Drill } from '@/lib/runner/protocol';

/** Whether an element is on screen (true until the first observation, so nothing flashes in on load). */
export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries.at(-1);
      if (last) setOnScreen(last.isIntersecting);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return onScreen;
}

/**
 * Run/Stop and the drill picker again, for phones: sticky at the bottom of the screen while the workbench is on it
 * and its toolbar has scrolled away, so trying drill after drill needs no trip back up from the output. It sits last
 * in the workbench and keeps its place in the flow (only invisible while the toolbar shows), so when the output's end
 * is reached it sits below it rather than over it. Hidden on wide screens, where the toolbar never leaves.
 */
export function CompactRunBar({
  toolbar,
  running,
  drill,
  onDrill,
  onRun,
  onStop,
}: {
  toolbar: RefObject<Element | null>;
  running: boolean;
  drill: Drill | 'none';
  onDrill: (drill: Drill | 'none') => void;
  onRun: () => void;
  onStop: () => void;
}) {
  const toolbarOnScreen = useOnScreen(toolbar);
  return (
    <div
      role="toolbar"
      aria-label="Run (compact)"
      data-testid="compact-run-bar"
      // `invisible` also takes it out of the Tab order and the accessibility tree while the toolbar is in sight.
      className={`sticky bottom-0 z-20 flex items-center gap-2 border-t border-zinc-200 bg-zinc-50/95 pt-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] backdrop-blur lg:hidden dark:border-zinc-800 dark:bg-zinc-900/95 ${toolbarOnScreen ? 'invisible' : ''}`}
    >
      {running ? (
        <button
          type="button"
          onClick={onStop}
          className="inline-flex min-h-11 items-center gap-1.5 rounded-md bg-red-600 px-4 text-sm font-medium text-white ring-1 ring-red-700 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
        >
          <span aria-hidden="true">■</span> Stop
        </button>
      ) : (
        <button
          type="button"
          onClick={onRun}
          className="inline-flex min-h-11 items-center gap-1.5 rounded-md bg-brand-700 px-4 text-sm font-medium text-white ring-1 ring-brand-700 ring-inset hover:bg-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
        >
          <span aria-hidden="true">▶</span> Run
        </button>
      )}
      <select
        value={drill}
        onChange={(e) => onDrill(e.target.value as Drill | 'none')}
        // Not "Error drill": that name belongs to the toolbar's picker (one control per name for tests and voice).
        aria-label="Drill for the next run"
        className="min-h-11 min-w-0 flex-1 rounded-md border-0 bg-white py-1 pr-7 pl-2 text-sm text-zinc-900 ring-1 ring-zinc-300 ring-inset focus-visible:outline-2 focus-visible:outline-brand-500 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700"
      >
        {DRILL_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
