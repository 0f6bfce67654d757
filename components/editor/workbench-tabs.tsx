'use client';

import { useId, useRef, useState, type ReactNode } from 'react';

export interface WorkbenchTab {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * Accessible tabs (WAI-ARIA tabs pattern: arrow keys move, Home/End jump). Hidden panels stay mounted, so the
 * editor keeps its state when the learner glances at the Python version.
 */
export function WorkbenchTabs({ tabs, label }: { tabs: WorkbenchTab[]; label: string }) {
  const [active, setActive] = useState(0);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const baseId = useId();

  function onKeyDown(event: React.KeyboardEvent) {
    const moves: Record<string, number> = {
      ArrowRight: active + 1,
      ArrowLeft: active - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + tabs.length) % tabs.length;
    setActive(next);
    refs.current[next]?.focus();
  }

  return (
    <div>
      <div
        role="tablist"
        aria-label={label}
        className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800"
        onKeyDown={onKeyDown}
      >
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            role="tab"
            type="button"
            id={`${baseId}-tab-${tab.id}`}
            aria-selected={i === active}
            aria-controls={`${baseId}-panel-${tab.id}`}
            tabIndex={i === active ? 0 : -1}
            onClick={() => setActive(i)}
            className="-mb-px border-b-2 px-3 py-2 text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-brand-500 aria-selected:border-brand-600 aria-selected:text-brand-700 not-aria-selected:border-transparent not-aria-selected:text-zinc-600 hover:text-zinc-900 dark:aria-selected:text-brand-300 dark:not-aria-selected:text-zinc-400 dark:hover:text-white"
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${baseId}-panel-${tab.id}`}
          aria-labelledby={`${baseId}-tab-${tab.id}`}
          hidden={i !== active}
          className="mt-3"
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
