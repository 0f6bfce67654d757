import 'server-only';
import { Redis } from 'ioredis';
import { env } from '@/lib/env';
import type { WindowStore } from './window';

const key = Symbol.for('tokenwise.limitStore');

/**
 * The one store every limiter in the app counts in (proxy, session, quiz checks, notes moderation): one Redis
 * client when `REDIS_URL` is set, else this process's memory. Kept on globalThis, since each route is its own bundle
 * and would otherwise open its own connection.
 */
export function sharedLimitStore(): WindowStore {
  const holder = globalThis as unknown as Record<symbol, WindowStore | undefined>;
  if (!holder[key]) {
    const url = env().REDIS_URL;
    const redis = url ? new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true }) : undefined;
    redis?.on('error', (error: Error) => console.error('redis (limits):', error.message));
    holder[key] = { redis };
  }
  return holder[key];
}
