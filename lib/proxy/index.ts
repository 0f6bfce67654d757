import 'server-only';
import { Redis } from 'ioredis';
import { env } from '@/lib/env';
import { configFromEnv } from './config';
import { createProxy, type Proxy } from './proxy';

export { configFromEnv, type ProxyConfig } from './config';
export { createProxy, type Proxy } from './proxy';
export { BACKEND_HEADER } from './http';

const key = Symbol.for('tokenwise.proxy');

/**
 * The app's proxy, built once per process from the environment. Kept on globalThis so every route bundle shares
 * one set of in-memory limits and one runner-token secret.
 */
export function getProxy(): Proxy {
  const holder = globalThis as unknown as Record<symbol, Proxy | undefined>;
  if (!holder[key]) {
    const e = env();
    const redis = e.REDIS_URL
      ? new Redis(e.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: true })
      : undefined;
    redis?.on('error', (error: Error) => console.error('redis:', error.message));
    holder[key] = createProxy(configFromEnv(e, redis));
  }
  return holder[key];
}
