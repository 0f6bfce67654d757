import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/**
 * A fixed window of `points` per `durationSec`, keyed by caller, in memory or in Redis (rate-limiter-flexible).
 * Taking is atomic in both stores, so concurrent requests can never take more than the window holds; a take
 * that does not fit is refunded at once, so it costs nothing.
 */
export interface WindowState {
  limit: number;
  remaining: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
  /** When this window ends (epoch ms): which window a take was charged to, so a refund goes back to that one. */
  endsAt: number;
}

export type TakeResult = ({ ok: true } & WindowState) | ({ ok: false } & WindowState);

export interface WindowStore {
  /** Shared Redis client; unset: this process's memory. */
  redis?: Redis;
  /** Key prefix, so tests and deployments sharing a Redis don't collide. @default 'tw' */
  prefix?: string;
}

export class Window {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    readonly name: string,
    readonly points: number,
    readonly durationSec: number,
    store: WindowStore,
  ) {
    const keyPrefix = `${store.prefix ?? 'tw'}:${name}:${points}/${durationSec}`;
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: durationSec });
    this.limiter = store.redis
      ? new RateLimiterRedis({
          storeClient: store.redis,
          keyPrefix,
          points,
          duration: durationSec,
          // If Redis fails, keep limiting in memory rather than failing open or refusing everyone.
          insuranceLimiter: memory,
        })
      : memory;
  }

  private state(res: RateLimiterRes | null): WindowState {
    const consumed = res?.consumedPoints ?? 0;
    const resetMs = res ? Math.max(res.msBeforeNext, 0) : this.durationSec * 1000;
    return {
      limit: this.points,
      remaining: Math.max(this.points - consumed, 0),
      resetMs,
      endsAt: Date.now() + resetMs,
    };
  }

  async take(key: string, points = 1): Promise<TakeResult> {
    if (points <= 0) return { ok: true, ...(await this.peek(key)) };
    try {
      const res = await this.limiter.consume(key, points);
      return { ok: true, ...this.state(res) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // Undo the over-take so a request that did not fit leaves the window as it was.
      const after = await this.limiter.reward(key, points);
      return { ok: false, ...this.state(after) };
    }
  }

  /**
   * Gives points back, e.g. when a reservation settles below what it reserved, to the window `charged` was taken
   * from. Once that window has rolled over, the refund is dropped: given to the next window it would let that one
   * hand out more than its limit. Never more than the window has consumed, for the same reason. Points owed
   * (`points` < 0) are charged to the current window.
   */
  async give(key: string, points: number, charged?: Pick<WindowState, 'endsAt'>): Promise<void> {
    if (points < 0) {
      await this.limiter.penalty(key, -points);
      return;
    }
    if (points === 0) return;
    const now = await this.limiter.get(key);
    if (!now) return;
    const endsAt = Date.now() + Math.max(now.msBeforeNext, 0);
    // Two reads of one window's end differ by the time between them; a new window ends a whole duration later.
    const sameWindow =
      !charged || Math.abs(endsAt - charged.endsAt) < Math.min(1000, (this.durationSec * 1000) / 4);
    const back = Math.min(points, now.consumedPoints);
    if (sameWindow && back > 0) await this.limiter.reward(key, back);
  }

  async peek(key: string): Promise<WindowState> {
    return this.state(await this.limiter.get(key));
  }
}

/** Formats a wait the way OpenAI's `x-ratelimit-reset-*` headers do: `200ms`, `1.5s`, `6m0s`. */
export function formatReset(ms: number): string {
  const value = Math.max(Math.ceil(ms), 0);
  if (value < 1000) return `${value}ms`;
  if (value < 60_000) return `${Number((value / 1000).toFixed(3))}s`;
  const minutes = Math.floor(value / 60_000);
  const seconds = Math.round((value % 60_000) / 1000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h${minutes % 60}m${seconds}s` : `${minutes}m${seconds}s`;
}
