import type { TypeProblem } from '@/components/editor/monaco';

/** How many problems are listed; the rest are counted. The editor underlines all of them. */
const SHOWN = 5;

/**
 * The TypeScript errors found in the program that was just run, each a button that puts the editor's cursor on its
 * line. The run goes ahead anyway (types do not stop JavaScript), so the title says the run *may* fail because of them.
 */
export function TypeProblems({
  problems,
  onGo,
}: {
  problems: TypeProblem[];
  onGo: (problem: TypeProblem) => void;
}) {
  if (!problems.length) return null;
  const n = problems.length;
  const more = n - SHOWN;
  return (
    <section
      aria-labelledby="type-problems-title"
      data-testid="type-problems"
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-zinc-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-zinc-100"
    >
      <h3 id="type-problems-title" className="font-semibold">
        TypeScript found {n} {n === 1 ? 'problem' : 'problems'} in your code (the run may fail because of{' '}
        {n === 1 ? 'it' : 'them'})
      </h3>
      <ul className="mt-2 space-y-1">
        {problems.slice(0, SHOWN).map((problem, i) => (
          <li key={i}>
            <button
              type="button"
              onClick={() => onGo(problem)}
              className="text-left font-mono text-xs break-words text-amber-900 underline decoration-amber-700/40 underline-offset-2 hover:decoration-amber-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:text-amber-200 dark:decoration-amber-300/50"
            >
              Line {problem.line}: {problem.message}
            </button>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">
          and {more} more, underlined in the editor.
        </p>
      )}
    </section>
  );
}
