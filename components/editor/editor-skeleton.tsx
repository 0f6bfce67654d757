/** The editor's height, shared by the skeleton and Monaco so nothing jumps when it loads. */
// On wide screens the output shares the window with it (see .workbench-fit), so the editor takes at most 38% of it.
export const EDITOR_HEIGHT = 'h-[22rem] lg:h-[min(28rem,38vh)]';

/** What stands in for the editor until it loads: the starter, highlighted on the server. */
export function EditorSkeleton({
  html,
  onActivate,
  waiting = false,
}: {
  html: string;
  onActivate?: () => void;
  /** The editor loads on request (a tap or focus), not by itself: say so instead of "Loading editor…". */
  waiting?: boolean;
}) {
  return (
    <div className="space-y-3">
      <div aria-hidden="true" className="flex gap-2">
        {['Run', 'Reset', 'Share'].map((label) => (
          <span
            key={label}
            className="rounded-md px-3 py-1.5 text-sm text-zinc-600 ring-1 ring-zinc-200 ring-inset dark:text-zinc-400 dark:ring-zinc-800"
          >
            {label}
          </span>
        ))}
      </div>
      <div
        // A focusable group, not a button: its visible content is the code, and a button's name must contain what it
        // shows (WCAG 2.5.3, Lighthouse's label-content-name-mismatch). Focus or a tap loads the editor.
        role="group"
        tabIndex={0}
        aria-label="Code editor (loads when focused)"
        onFocus={onActivate}
        onPointerDown={onActivate}
        className={`relative overflow-auto rounded-lg ring-1 ring-zinc-200 focus-visible:outline-2 focus-visible:outline-brand-500 dark:ring-zinc-800 [&_.shiki]:m-0 [&_.shiki]:rounded-none [&_.shiki]:min-h-full ${EDITOR_HEIGHT}`}
      >
        <div dangerouslySetInnerHTML={{ __html: html }} />
        <span className="absolute top-2 right-2 rounded bg-zinc-900/80 px-2 py-0.5 text-xs text-white">
          {waiting ? 'Tap to edit and run' : 'Loading editor…'}
        </span>
      </div>
    </div>
  );
}
