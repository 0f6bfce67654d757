'use client';

import { useSyncExternalStore } from 'react';
import { getProgressSnapshot, subscribeProgress, type ProgressSnapshot } from '@/lib/progress/store';

/**
 * The learner's progress, live: null during server rendering and hydration (the server cannot know it), then
 * whatever localStorage holds, updated on every change in this tab or another.
 */
export function useProgress(): ProgressSnapshot | null {
  return useSyncExternalStore(subscribeProgress, getProgressSnapshot, () => null);
}
