import { emptyProgress, parseProgress } from './model';
import type { Progress } from './schema';

/**
 * The browser's progress store: localStorage under one key, validated on read, shared by every component of
 * the page (and other tabs, through the `storage` event). A value that cannot be read is copied aside under
 * `BACKUP_KEY` and replaced with empty progress, so a corrupt entry costs a reset, never a broken page.
 */
export const PROGRESS_KEY = 'tokenwise:progress';
export const BACKUP_KEY = 'tokenwise:progress:unreadable';
const CHANGE_EVENT = 'tokenwise:progress-change';

export interface ProgressSnapshot {
  progress: Progress;
  /** Set when the stored value could not be read and was reset, with why. */
  recovered: string | null;
}

let cachedRaw: string | null | undefined;
let cached: ProgressSnapshot | undefined;
let recovered: string | null = null;
let memory: string | null = null; // when storage is unavailable (blocked cookies, some private modes)

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function readRaw(): string | null {
  try {
    return storage()?.getItem(PROGRESS_KEY) ?? memory;
  } catch {
    return memory;
  }
}

function writeRaw(value: string | null): void {
  memory = value;
  try {
    const s = storage();
    if (value === null) s?.removeItem(PROGRESS_KEY);
    else s?.setItem(PROGRESS_KEY, value);
  } catch {
    // Full or blocked storage: keep the value in memory for this page.
  }
}

/** The current progress; the same object until the stored value changes, as useSyncExternalStore needs. */
export function getProgressSnapshot(): ProgressSnapshot {
  const raw = readRaw();
  if (cached && raw === cachedRaw) return cached;
  let progress: Progress;
  if (raw === null) {
    progress = emptyProgress();
  } else {
    const parsed = parseProgress(raw);
    if (parsed.ok) {
      progress = parsed.progress;
    } else {
      recovered = `Your saved progress could not be read (${parsed.reason}), so it was reset.`;
      try {
        storage()?.setItem(BACKUP_KEY, raw);
      } catch {
        // Nowhere to keep the copy; the reset still lets the page work.
      }
      progress = emptyProgress();
      writeRaw(null);
      cachedRaw = null;
      cached = { progress, recovered };
      return cached;
    }
  }
  cachedRaw = raw;
  cached = { progress, recovered };
  return cached;
}

export function subscribeProgress(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === PROGRESS_KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** Applies `change` to the current progress and saves the result, telling every subscriber on the page. */
export function updateProgress(change: (progress: Progress) => Progress): void {
  const before = getProgressSnapshot().progress;
  const after = change(before);
  if (after === before) return;
  writeRaw(JSON.stringify(after));
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function resetProgress(): void {
  recovered = null;
  writeRaw(null);
  cached = undefined;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Forgets the "was reset" notice once the learner has seen it. */
export function dismissRecovered(): void {
  recovered = null;
  cached = undefined;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}
