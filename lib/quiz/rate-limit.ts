import 'server-only';
import { createPerClientLimiter, type PerClientLimiter } from '@/lib/limits/per-client';
import type { WindowStore } from '@/lib/limits/window';

/** Quiz answers and challenge runs checked per minute per client, in the app's one limit store. */
export function createCheckLimiter(perMinute: number, store: WindowStore = {}): PerClientLimiter {
  return createPerClientLimiter('quiz-check', perMinute, 'checks', store);
}

export type CheckLimiter = PerClientLimiter;
