'use client';

import { useRef, useState } from 'react';
import { emptyProgress, mergeProgress, parseProgress } from '@/lib/progress/model';
import { dismissRecovered, resetProgress, updateProgress } from '@/lib/progress/store';
import { useProgress } from './use-progress';

const MAX_IMPORT_BYTES = 256 * 1024;

/** Export, import and reset of the progress kept in this browser. */
export function ProgressTools() {
  const snapshot = useProgress();
  const fileInput = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const lessonsStarted = snapshot ? Object.keys(snapshot.progress.lessons).length : 0;

  function exportFile() {
    const progress = snapshot?.progress ?? emptyProgress();
    const blob = new Blob([JSON.stringify(progress, null, 2) + '\n'], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `tokenwise-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
    setMessage('Progress exported.');
  }

  async function importFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again still imports it
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage(`That file is too large to be a progress export (${Math.round(file.size / 1024)} KB).`);
      return;
    }
    const parsed = parseProgress(await file.text());
    if (!parsed.ok) {
      setMessage(`Nothing imported: ${parsed.reason}.`);
      return;
    }
    updateProgress((current) => mergeProgress(current, parsed.progress));
    const count = Object.keys(parsed.progress.lessons).length;
    setMessage(`Imported progress for ${count} ${count === 1 ? 'lesson' : 'lessons'}, added to what was here.`);
  }

  function reset() {
    resetProgress();
    setConfirming(false);
    setMessage('Progress reset.');
  }

  return (
    <section aria-labelledby="progress-tools-title" className="mt-12 border-t border-zinc-200 pt-8 dark:border-zinc-800">
      <h2 id="progress-tools-title" className="text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        Your progress
      </h2>
      <p className="mt-2 max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
        Kept in this browser only, with no account. Export it to move it to another browser or keep a copy.
      </p>
      {snapshot?.recovered && (
        <div role="alert" className="mt-4 flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-900/30 dark:text-amber-100">
          <span>{snapshot.recovered}</span>
          <button type="button" onClick={dismissRecovered} className="font-medium underline">
            Dismiss
          </button>
        </div>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="button" onClick={exportFile} className={buttonClass}>
          Export progress
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} className={buttonClass}>
          Import progress
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" onChange={importFile} className="sr-only" tabIndex={-1} aria-label="Progress file to import" />
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)} disabled={!snapshot || lessonsStarted === 0} className={`${buttonClass} disabled:opacity-50`}>
            Reset progress
          </button>
        ) : (
          <span role="group" aria-label="Confirm reset" className="flex flex-wrap items-center gap-2 rounded-lg bg-red-50 px-3 py-1.5 text-sm dark:bg-red-900/20">
            <span>Forget progress on {lessonsStarted} {lessonsStarted === 1 ? 'lesson' : 'lessons'}?</span>
            <button type="button" onClick={reset} className="rounded-md bg-red-700 px-3 py-1 font-semibold text-white hover:bg-red-600">
              Yes, reset
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md px-3 py-1 font-medium underline" autoFocus>
              Cancel
            </button>
          </span>
        )}
      </div>
      <p role="status" aria-live="polite" className="mt-3 min-h-5 text-sm text-zinc-700 dark:text-zinc-300">
        {message}
      </p>
    </section>
  );
}

const buttonClass =
  'rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-zinc-700';
