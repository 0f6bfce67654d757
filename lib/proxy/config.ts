import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Env } from '@/lib/env';
import type { Recordings, ResponsesStore } from '@/lib/backends/sandbox';
import { MODELS } from '@/lib/models/catalog';

/** Everything the proxy needs, as plain data: `configFromEnv()` for the app, hand-built in tests. */
export interface ProxyConfig {
  upstream: {
    /** Any OpenAI-compatible server. */
    baseURL: string;
    /** The server's own key; unset: runner tokens are always served by the sandbox. */
    serverKey?: string;
    /** Abort when no response headers arrive in this time. */
    firstByteTimeoutMs: number;
    /** Abort when the whole response has not arrived in this time. */
    totalTimeoutMs: number;
    /** Extra attempts after a connection failure, only before the first byte. */
    retries: number;
    /** The upstream is OpenAI's own API, which fetches image URLs itself and checks every key it is sent. */
    isOpenAI: boolean;
  };
  /** Pass learners' own keys (raw or sealed) upstream; off, they may still run on the sandbox. */
  allowOwnKeys: boolean;
  /** Serve runner tokens from the upstream with the server key instead of the sandbox. */
  liveRunsForGuests: boolean;
  runnerTokens: { secret: string; ttlSeconds: number; rpm: number; tpm: number };
  limits: {
    maxBodyBytes: number;
    maxMessages: number;
    maxMessageChars: number;
    /** Characters of messages, tools and schemas one request may send to be tokenized. @default 128,000 */
    maxRequestChars?: number;
    /** Cap on `max_completion_tokens` for calls the server key pays for; also what they reserve when unset. */
    maxOutputTokens: number;
    maxN: number;
    /** Model ids this deployment serves. */
    allowedModels: readonly string[];
    ipRpm: number;
    ipTpm: number;
    sessionRpm: number;
    dailyTokenBudget: number;
  };
  /** Shared Redis for the limits; unset: in memory. */
  redis?: Redis;
  /** Key prefix in Redis. @default 'tw' */
  redisPrefix?: string;
  sandbox: {
    /** @default the app's lessons' recordings */
    recordings?: Recordings;
    chunkDelayMs: number;
    /** Stored Responses (`lib/db/responses.ts` in the app). @default in memory, 72 hours, no sweep timer */
    responses?: { store: ResponsesStore; retentionHours?: number; sweepIntervalMs?: number };
  };
  /** Reverse proxies trusted in front of the app (`clientAddress` in `lib/http`): 0 uses the socket address only. */
  trustedProxyHops: number;
  /** Where request log lines go; `false` for none. @default one JSON line per request on stdout */
  log?: ((entry: Record<string, unknown>) => void) | false;
}

const globalSecret = Symbol.for('tokenwise.runnerTokenSecret');

/** One random secret per process when none is configured (route bundles share it through globalThis). */
function processSecret(): string {
  const holder = globalThis as unknown as Record<symbol, string | undefined>;
  holder[globalSecret] ??= randomBytes(32).toString('base64url');
  return holder[globalSecret];
}

/** OpenAI's API itself, over https; any other host (vLLM, Ollama, a proxy) may not check keys at all. */
export function isOpenAIUpstream(baseURL: string): boolean {
  const url = new URL(baseURL);
  return url.protocol === 'https:' && url.hostname === 'api.openai.com';
}

export function configFromEnv(env: Env, redis?: Redis): ProxyConfig {
  const allowed = env.ALLOWED_MODELS?.split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  return {
    upstream: {
      baseURL: env.OPENAI_BASE_URL,
      serverKey: env.OPENAI_API_KEY,
      firstByteTimeoutMs: env.UPSTREAM_FIRST_BYTE_TIMEOUT_MS,
      totalTimeoutMs: env.UPSTREAM_TOTAL_TIMEOUT_MS,
      retries: env.UPSTREAM_RETRIES,
      isOpenAI: isOpenAIUpstream(env.OPENAI_BASE_URL),
    },
    allowOwnKeys: env.ALLOW_OWN_KEYS ?? isOpenAIUpstream(env.OPENAI_BASE_URL),
    liveRunsForGuests: env.LIVE_RUNS_FOR_GUESTS,
    runnerTokens: {
      secret: env.RUNNER_TOKEN_SECRET ?? processSecret(),
      ttlSeconds: env.RUNNER_TOKEN_TTL_SECONDS,
      rpm: env.RATE_LIMIT_RPM,
      tpm: env.RATE_LIMIT_TPM,
    },
    limits: {
      maxBodyBytes: env.MAX_BODY_BYTES,
      maxMessages: env.MAX_MESSAGES,
      maxMessageChars: env.MAX_MESSAGE_CHARS,
      maxOutputTokens: env.MAX_OUTPUT_TOKENS,
      maxN: env.MAX_N,
      allowedModels: allowed?.length ? allowed : MODELS.map((m) => m.id),
      ipRpm: env.RATE_LIMIT_IP_RPM,
      ipTpm: env.RATE_LIMIT_IP_TPM,
      sessionRpm: env.SESSION_RATE_LIMIT_RPM,
      dailyTokenBudget: env.DAILY_TOKEN_BUDGET,
    },
    redis,
    sandbox: { chunkDelayMs: env.SANDBOX_STREAM_DELAY_MS },
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    log: env.PROXY_LOG ? undefined : false,
  };
}
