import 'server-only';
import { Redis } from 'ioredis';
import { Window, type WindowStore } from '@/lib/limits/window';
import { QuizHttpError } from './http';

/**
 * Checks per minute per client: enough for a learner who retries every question, far too few to flood the
 * server. The window is the proxy's (`lib/limits`): in memory, or shared through Redis when `REDIS_URL` is set.
 */
export function createCheckLimiter(perMinute: number, store: WindowStore = {}) {
  const window = new Window('quiz-check', perMinute, 60, store);
  return {
    /** Counts one check for `client`; throws a 429 with `retry-after` once the minute's checks are spent. */
    async admit(client: string): Promise<void> {
      const result = await window.take(client);
      if (result.ok) return;
      const seconds = Math.max(1, Math.ceil(result.resetMs / 1000));
      throw new QuizHttpError(429, 'rate_limit_exceeded', `Too many checks from this address: ${perMinute} a minute. Try again in ${seconds} s.`, {
        'retry-after': String(seconds),
      });
    },
  };
}

export type CheckLimiter = ReturnType<typeof createCheckLimiter>;

/** A Redis client for the quiz's limits, or none: in memory. */
export function quizLimitStore(redisUrl: string | undefined): WindowStore {
  if (!redisUrl) return {};
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
  redis.on('error', (error: Error) => console.error('redis (quiz limits):', error.message));
  return { redis };
}
