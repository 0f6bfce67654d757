import { MODELS } from '@/lib/models/catalog';
import type { ProxyConfig } from '@/lib/proxy/config';

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends object ? (T[K] extends readonly unknown[] ? T[K] : DeepPartial<T[K]>) : T[K];
};

/** A proxy config for tests: generous limits, no stream pacing, an unreachable upstream unless one is given. */
export function testConfig(overrides: DeepPartial<ProxyConfig> = {}): ProxyConfig {
  return {
    upstream: {
      baseURL: 'http://127.0.0.1:9/v1',
      firstByteTimeoutMs: 5_000,
      totalTimeoutMs: 10_000,
      retries: 1,
      // The fake upstream in tests stands in for OpenAI's API unless a test says otherwise.
      isOpenAI: true,
      ...overrides.upstream,
    },
    allowOwnKeys: overrides.allowOwnKeys ?? true,
    liveRunsForGuests: overrides.liveRunsForGuests ?? false,
    runnerTokens: {
      secret: 'test-secret-test-secret-test-secret!',
      ttlSeconds: 600,
      rpm: 1_000,
      tpm: 1_000_000,
      ...overrides.runnerTokens,
    },
    limits: {
      maxBodyBytes: 256 * 1024,
      maxMessages: 64,
      maxMessageChars: 32_000,
      maxOutputTokens: 4_096,
      maxN: 8,
      allowedModels: MODELS.map((m) => m.id),
      ipRpm: 10_000,
      ipTpm: 100_000_000,
      sessionRpm: 1_000,
      dailyTokenBudget: 100_000_000,
      ...overrides.limits,
    },
    redis: overrides.redis as ProxyConfig['redis'],
    redisPrefix: overrides.redisPrefix,
    sandbox: { recordings: new Map(), chunkDelayMs: 0, ...overrides.sandbox } as ProxyConfig['sandbox'],
    trustedProxyHops: overrides.trustedProxyHops ?? 1,
    log: (overrides.log as ProxyConfig['log']) ?? false,
  };
}
