'use client';

import { useEffect, useRef } from 'react';

interface Props {
  /** Open while a run of shared code waits for the learner's answer. */
  open: boolean;
  onChoose: (choice: 'own-key' | 'sandbox' | 'cancel') => void;
}

/**
 * Code from a shared link is someone else's program. Before its first run spends the learner's own key, ask:
 * run it with the key, run it on the sandbox (free, offline), or not at all.
 */
export function SharedCodeDialog({ open, onChoose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const button =
    'rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500';
  return (
    <dialog
      ref={dialog}
      aria-labelledby="shared-code-title"
      aria-describedby="shared-code-text"
      onCancel={(event) => {
        event.preventDefault();
        onChoose('cancel');
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="shared-code-title" className="text-lg font-semibold">
        Run shared code with your key?
      </h2>
      <p id="shared-code-text" className="mt-2 text-sm leading-6 text-zinc-700 dark:text-zinc-300">
        This code came from a shared link, and an API key of yours is set in Settings. Its requests would be billed to
        your OpenAI account. Read it first, or run it on the free sandbox model.
      </p>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <button type="button" onClick={() => onChoose('cancel')} className={`${button} ring-zinc-300 dark:ring-zinc-600`}>
          Cancel
        </button>
        <button type="button" autoFocus onClick={() => onChoose('sandbox')} className={`${button} ring-zinc-300 dark:ring-zinc-600`}>
          Run on the sandbox
        </button>
        <button type="button" onClick={() => onChoose('own-key')} className={`${button} bg-brand-700 text-white ring-brand-700 hover:bg-brand-800`}>
          Run with my key
        </button>
      </div>
    </dialog>
  );
}
