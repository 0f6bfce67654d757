import type { ConsoleEntry } from '@/components/runner/run-state';

// The console is dark in both themes, like a terminal.
const LEVEL_CLASS: Record<ConsoleEntry['level'], string> = {
  log: '',
  info: '',
  debug: 'text-zinc-400',
  stdout: '',
  warn: 'text-amber-300',
  error: 'text-red-400',
  stderr: 'text-red-400',
};

/** What the program printed, as a terminal would show it. */
export function ConsoleView({ entries, running }: { entries: ConsoleEntry[]; running: boolean }) {
  return (
    <pre
      role="log"
      aria-label="Console output"
      aria-live="polite"
      tabIndex={0}
      className="max-h-80 min-h-16 overflow-auto rounded-lg bg-zinc-950 p-3 font-mono text-[13px] leading-5 break-words whitespace-pre-wrap text-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:bg-black"
    >
      {entries.length === 0 ? (
        <span aria-hidden="true" className="text-zinc-400">{running ? 'Running…' : 'Nothing printed.'}</span>
      ) : (
        entries.map((entry, i) => (
          <span key={i} data-level={entry.level} className={LEVEL_CLASS[entry.level]}>
            {entry.text}
          </span>
        ))
      )}
    </pre>
  );
}
