import 'server-only';
import { env } from '@/lib/env';
import { sharedLimitStore } from '@/lib/limits/store';
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
    holder[key] = createProxy(configFromEnv(env(), sharedLimitStore().redis));
  }
  return holder[key];
}
