'use client';

import { DiffEditor } from '@monaco-editor/react';
import { themeFor } from './monaco';
import { EDITOR_HEIGHT } from './editor-skeleton';

/**
 * The lesson's solution as changes to the learner's code: one inline diff (the same on a phone and a laptop, long
 * lines wrapped, each changed line marked − or + as well as coloured) and a button that applies it.
 */
export function SolutionPanel({
  yours,
  solution,
  storageKey,
  dark,
  onUse,
  buttonClass,
}: {
  yours: string;
  solution: string;
  storageKey: string;
  dark: boolean;
  onUse: () => void;
  buttonClass: string;
}) {
  const same = yours === solution;
  return (
    <section aria-labelledby="solution-title" className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="solution-title" className="text-sm font-semibold">
          Solution
        </h3>
        <button type="button" onClick={onUse} disabled={same} className={`${buttonClass} ml-auto`}>
          Use the solution
        </button>
      </div>
      <p id="solution-caption" className="text-xs text-zinc-600 dark:text-zinc-400">
        {same
          ? 'Your code is the solution already.'
          : 'Changes from your code to the solution: lines marked − (red) go, lines marked + (green) come in. Your code is untouched until you use the solution.'}
      </p>
      <div
        className={`overflow-hidden rounded-lg ring-1 ring-zinc-200 dark:ring-zinc-800 ${EDITOR_HEIGHT}`}
        data-testid="solution-diff"
      >
        <DiffEditor
          original={yours}
          modified={solution}
          language="typescript"
          originalModelPath={`file:///${storageKey}/diff/your-code.ts`}
          modifiedModelPath={`file:///${storageKey}/diff/solution.ts`}
          theme={themeFor(dark)}
          loading={null}
          options={{
            readOnly: true,
            originalEditable: false,
            // One mode everywhere: inline, so no "two columns" that collapse on narrow screens.
            renderSideBySide: false,
            renderIndicators: true,
            wordWrap: 'on',
            diffWordWrap: 'on',
            automaticLayout: true,
            fontSize: 13,
            minimap: { enabled: false },
            scrollBeyondLastLine: false,
            renderFinalNewline: 'on',
            scrollbar: { alwaysConsumeMouseWheel: false },
            ariaLabel: 'Changes from your code to the solution, read-only',
          }}
        />
      </div>
    </section>
  );
}
