import 'server-only';
import { ApiError } from '@/lib/errors';
import { Window, type WindowStore } from './window';

/**
 * So many attempts a minute per client address, for the app's own routes (quiz checks, note posts): enough for a
 * learner, far too few to flood the server. A 429 with `retry-after` once the minute's attempts are spent.
 */
export function createPerClientLimiter(
  name: string,
  perMinute: number,
  what: string,
  store: WindowStore = {},
) {
  const window = new Window(name, perMinute, 60, store);
  return {
    async admit(client: string): Promise<void> {
      const result = await window.take(client);
      if (result.ok) return;
      const seconds = Math.max(1, Math.ceil(result.resetMs / 1000));
      throw new ApiError(
        429,
        `Too many ${what} from this address: ${perMinute} a minute. Try again in ${seconds} s.`,
        {
          type: 'requests',
          code: 'rate_limit_exceeded',
          headers: { 'retry-after': String(seconds) },
        },
      );
    },
  };
}

export type PerClientLimiter = ReturnType<typeof createPerClientLimiter>;
