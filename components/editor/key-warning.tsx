import type { KeyMatch } from '@/lib/runner/keys';

/** Shown while the code holds something that looks like a key: code is saved in the browser and shared. */
export function KeyWarning({ keys, pasted }: { keys: KeyMatch[]; pasted: boolean }) {
  if (!keys.length) return null;
  const lines = [...new Set(keys.map((k) => k.line))].join(', ');
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <p className="font-semibold">
        {pasted ? 'You pasted what looks like an API key.' : 'This code holds what looks like an API key'}{' '}
        (line {lines}).
      </p>
      <p className="mt-1">
        Code is saved in this browser and goes into share links, so a key in it would be saved and shared too
        (Share refuses while it is there). Put your key in{' '}
        <a href="/settings" className="font-medium underline">
          Settings
        </a>{' '}
        instead: runs read it from <code>process.env.OPENAI_API_KEY</code>.
      </p>
    </div>
  );
}
