import type { Exchange } from './protocol';

/**
 * Reads OpenAI's rate-limit headers (`x-ratelimit-{limit,remaining,reset}-{requests,tokens}`) and the retry hints
 * (`retry-after-ms`, `retry-after`) that a response carries. Values that are missing or malformed come back as
 * `null`, never guessed.
 */

export interface RateLimitBucket {
  limit: number | null;
  remaining: number | null;
  /** The header as sent, e.g. `1s`, `6m0s`, `200ms`. */
  reset: string | null;
  /** `reset` in milliseconds, `null` when it does not parse. */
  resetMs: number | null;
}

export interface RateLimitReading {
  /** The exchange whose headers these are. */
  exchangeId: string;
  /** When that response arrived (epoch ms), so a reset can be shown as a time of day. */
  receivedAt: number;
  requests: RateLimitBucket | null;
  tokens: RateLimitBucket | null;
}

/** Longest reset we accept (a day); anything longer is a malformed header, not a wait. */
const MAX_RESET_MS = 86_400_000;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/**
 * Parses a Go-style duration as OpenAI sends it in `x-ratelimit-reset-*`: `200ms`, `1.5s`, `6m0s`, `1h2m3s`.
 * A bare number is taken as seconds. Returns `null` for anything else.
 */
export function parseResetDuration(text: string): number | null {
  const value = text.trim();
  if (!value || value.length > 40) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return finite(Number(value) * 1000);
  const parts =
    /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/.exec(
      value,
    );
  if (!parts || parts.slice(1).every((p) => p === undefined)) return null;
  const [, h, m, s, ms] = parts;
  const total =
    Number(h ?? 0) * UNIT_MS.h! + Number(m ?? 0) * UNIT_MS.m! + Number(s ?? 0) * UNIT_MS.s! + Number(ms ?? 0);
  return finite(total);
}

function finite(ms: number): number | null {
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_RESET_MS ? Math.round(ms) : null;
}

function count(text: string | undefined): number | null {
  if (text === undefined || !/^\s*\d{1,15}\s*$/.test(text)) return null;
  return Number(text);
}

function bucket(headers: Record<string, string>, kind: 'requests' | 'tokens'): RateLimitBucket | null {
  const names = ['limit', 'remaining', 'reset'].map((part) => `x-ratelimit-${part}-${kind}`);
  if (names.every((name) => headers[name] === undefined)) return null;
  const limit = count(headers[names[0]!]);
  const remaining = count(headers[names[1]!]);
  const reset = headers[names[2]!] ?? null;
  return { limit, remaining, reset, resetMs: reset === null ? null : parseResetDuration(reset) };
}

/** The rate-limit reading of one response, or `null` when it sent no `x-ratelimit-*` header. */
export function rateLimitOf(exchange: Exchange): RateLimitReading | null {
  const requests = bucket(exchange.headers, 'requests');
  const tokens = bucket(exchange.headers, 'tokens');
  if (!requests && !tokens) return null;
  return {
    exchangeId: exchange.id,
    receivedAt: exchange.startedAt + (exchange.headersAtMs ?? exchange.durationMs),
    requests,
    tokens,
  };
}

/** The reading of the run's last response that carried rate-limit headers. */
export function lastRateLimit(exchanges: readonly Exchange[]): RateLimitReading | null {
  for (let i = exchanges.length - 1; i >= 0; i--) {
    const reading = rateLimitOf(exchanges[i]!);
    if (reading) return reading;
  }
  return null;
}

/** How full a bucket still is, 0 to 1; `null` without both numbers or with a zero limit. */
export function remainingShare(b: RateLimitBucket | null): number | null {
  if (!b || b.limit === null || b.remaining === null || b.limit <= 0) return null;
  return Math.min(1, Math.max(0, b.remaining / b.limit));
}

/**
 * The wait a response asked for before the next attempt, read as the SDK reads it: `retry-after-ms` first, then
 * `retry-after` in seconds or as an HTTP date (relative to `now`). `null` when neither header says.
 */
export function retryAfterMs(headers: Record<string, string>, now: number): number | null {
  const ms = headers['retry-after-ms'];
  if (ms !== undefined) {
    const n = Number.parseFloat(ms);
    if (!Number.isNaN(n)) return Math.max(0, n);
  }
  const after = headers['retry-after'];
  if (after === undefined) return null;
  const seconds = Number.parseFloat(after);
  if (!Number.isNaN(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** A wait for people: `200 ms`, `1.5 s`, `6 min 0 s`. */
export function formatWait(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(ms < 10_000 ? 2 : 1))} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min ${seconds} s`;
}
