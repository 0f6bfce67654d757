import { decodeShareFragment } from '@/lib/runner/share';

/**
 * The learner's code per lesson, kept in localStorage so it survives a reload. A share link (`#code=…`) wins
 * over saved code once, and the previous edits are kept so they can be brought back.
 */
const PREFIX = 'tokenwise:code:';

export function storageKeyFor(key: string): string {
  return `${PREFIX}${key}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readSavedCode(key: string): string | null {
  return storage()?.getItem(storageKeyFor(key)) ?? null;
}

/** Saves the code; code equal to the starter is not an edit, so nothing is kept for it. */
export function saveCode(key: string, code: string, starter: string) {
  const store = storage();
  if (!store) return;
  try {
    if (code === starter) store.removeItem(storageKeyFor(key));
    else store.setItem(storageKeyFor(key), code);
  } catch {
    // Storage full or blocked: edits then last only as long as the page.
  }
}

export interface InitialCode {
  code: string;
  source: 'starter' | 'saved' | 'shared';
  /** Saved edits a shared link replaced, so the learner can restore them. */
  replaced: string | null;
}

export function initialCode(key: string, starter: string): InitialCode {
  const saved = readSavedCode(key);
  const shared = decodeShareFragment(window.location.hash);
  if (shared !== null) {
    // The fragment has done its job; a reload should show the (now saved) code, not re-apply the link.
    const url = new URL(window.location.href);
    url.hash = '';
    window.history.replaceState(window.history.state, '', url.pathname + url.search);
    saveCode(key, shared, starter);
    return { code: shared, source: 'shared', replaced: saved !== null && saved !== shared ? saved : null };
  }
  if (saved !== null) return { code: saved, source: 'saved', replaced: null };
  return { code: starter, source: 'starter', replaced: null };
}
