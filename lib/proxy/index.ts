import 'server-only';
import { env } from '@/lib/env';
import { sharedLimitStore } from '@/lib/limits/store';
import { postgresResponsesStore } from '@/lib/db/responses';
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
    const config = configFromEnv(env(), sharedLimitStore().redis);
    // Stored Responses live in the app's Postgres, swept every 10 minutes.
    config.sandbox.responses = {
      store: postgresResponsesStore(),
      retentionHours: env().RESPONSES_RETENTION_HOURS,
      sweepIntervalMs: 10 * 60_000,
    };
    holder[key] = createProxy(config);
  }
  return holder[key];
}
