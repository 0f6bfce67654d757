import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { QuizHttpError } from './http';

/**
 * Checks per minute per client, in this process's memory: enough for a learner who retries every question, far
 * too few to guess answers by brute force.
 */
export function createCheckLimiter(perMinute: number) {
  const limiter = new RateLimiterMemory({ keyPrefix: 'quiz-check', points: perMinute, duration: 60 });
  return {
    /** Counts one check for `client`; throws a 429 with `retry-after` once the minute's checks are spent. */
    async admit(client: string, points = 1): Promise<void> {
      try {
        await limiter.consume(client, points);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new QuizHttpError(429, 'rate_limit_exceeded', `Too many checks from this address: ${perMinute} a minute. Try again in ${seconds} s.`, {
          'retry-after': String(seconds),
        });
      }
    },
  };
}

export type CheckLimiter = ReturnType<typeof createCheckLimiter>;
