import 'server-only';
import { Window, type WindowStore } from '@/lib/limits/window';
import { ApiError } from '@/lib/errors';

/**
 * Checks per minute per client: enough for a learner who retries every question, far too few to flood the
 * server. The window is the proxy's (`lib/limits`), in the app's one limit store.
 */
export function createCheckLimiter(perMinute: number, store: WindowStore = {}) {
  const window = new Window('quiz-check', perMinute, 60, store);
  return {
    /** Counts one check for `client`; throws a 429 with `retry-after` once the minute's checks are spent. */
    async admit(client: string): Promise<void> {
      const result = await window.take(client);
      if (result.ok) return;
      const seconds = Math.max(1, Math.ceil(result.resetMs / 1000));
      throw new ApiError(429, `Too many checks from this address: ${perMinute} a minute. Try again in ${seconds} s.`, {
        type: 'requests',
        code: 'rate_limit_exceeded',
        headers: { 'retry-after': String(seconds) },
      });
    },
  };
}

export type CheckLimiter = ReturnType<typeof createCheckLimiter>;
