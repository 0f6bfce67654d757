'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { getRunnerSession, readOwnKey, subscribeCredentials } from './credentials';

const hasOwnKey = () => readOwnKey() !== null;

/**
 * "runs in your browser", then where runs go, in the words of the output panel's Sandbox/Upstream badge: the
 * sandbox, the upstream with the learner's own key, or the upstream on the site's key. The page's HTML can't know
 * (the key lives in this tab; whether guests run upstream is the server's setting), so it says only the first part,
 * and the rest appears once known: never a guess that could be wrong. Drills always go to the sandbox.
 */
export function RunTarget() {
  const ownKey = useSyncExternalStore(subscribeCredentials, hasOwnKey, () => null);
  const [guests, setGuests] = useState<'sandbox' | 'upstream' | null>(null);

  useEffect(() => {
    if (ownKey !== false) return;
    let live = true;
    // The runner token the editor uses too (cached in the tab), asked for once the page is idle.
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 200));
    idle(() => {
      getRunnerSession()
        .then((session) => live && setGuests(session.backend))
        .catch(() => {});
    });
    return () => {
      live = false;
    };
  }, [ownKey]);

  const target = ownKey
    ? 'upstream with your key'
    : ownKey === false && guests
      ? guests === 'sandbox'
        ? 'against the sandbox'
        : 'upstream on this site’s key'
      : null;
  return (
    <span className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="run-target">
      runs in your browser{target && `, ${target}`}
    </span>
  );
}
