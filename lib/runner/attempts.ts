import type { Exchange } from './protocol';
import { retryAfterMs } from './rate-limit-headers';

/**
 * Groups a run's exchanges into calls and their attempts, so the output panel can show what the SDK's retries did.
 * The SDK numbers each attempt in the `x-stainless-retry-count` request header (0 for the first); when that header
 * was not recorded, an exchange that repeats the previous one's method, path and body after a failure (a status
 * the SDK retries, or no response) counts as its retry.
 */

export interface Attempt {
  exchangeId: string;
  /** 1 for the first attempt. */
  number: number;
  /** The SDK's own count from `x-stainless-retry-count`, when recorded. */
  retryCount: number | null;
  status: number | null;
  error: string | null;
  /** Ms after the call's first attempt started. */
  startMs: number;
  durationMs: number;
  /** Ms between the previous attempt's response (its headers) and this one's start (0 for the first). */
  waitedMs: number;
  /** What the previous response asked for (`retry-after-ms`/`retry-after`), `null` if it did not. */
  askedMs: number | null;
}

export interface Call {
  method: string;
  path: string;
  attempts: Attempt[];
  /** The last attempt's status: the outcome the program saw. */
  finalStatus: number | null;
  totalMs: number;
}

/** What the SDK retries: 408, 409, 429, 5xx and no response at all. */
export function isRetryable(status: number | null): boolean {
  return status === null || status === 408 || status === 409 || status === 429 || status >= 500;
}

function retryCountOf(exchange: Exchange): number | null {
  const raw = exchange.requestHeaders?.['x-stainless-retry-count'];
  return raw !== undefined && /^\d{1,4}$/.test(raw) ? Number(raw) : null;
}

/** Key for "the same request": bodies are compared as JSON text, capped so a huge body stays cheap. */
function requestKey(exchange: Exchange): string {
  let body: string;
  try {
    body = JSON.stringify(exchange.request) ?? '';
  } catch {
    body = String(exchange.request);
  }
  return `${exchange.method} ${exchange.path} ${body.length} ${body.slice(0, 20_000)}`;
}

function isRetryOf(exchange: Exchange, previous: Exchange | undefined, previousKey: string, key: string) {
  if (!previous) return false;
  const count = retryCountOf(exchange);
  if (count !== null) return count > 0 && key === previousKey;
  return key === previousKey && isRetryable(previous.status);
}

export function groupAttempts(exchanges: readonly Exchange[]): Call[] {
  const calls: Call[] = [];
  let previous: Exchange | undefined;
  let previousKey = '';
  let callStart = 0;
  for (const exchange of exchanges) {
    const key = requestKey(exchange);
    let call = calls[calls.length - 1];
    if (call && isRetryOf(exchange, previous, previousKey, key)) {
      call.attempts.push(attemptOf(exchange, call.attempts.length + 1, callStart, previous));
    } else {
      callStart = exchange.startedAt;
      call = { method: exchange.method, path: exchange.path, attempts: [], finalStatus: null, totalMs: 0 };
      call.attempts.push(attemptOf(exchange, 1, callStart, undefined));
      calls.push(call);
    }
    const last = call.attempts[call.attempts.length - 1]!;
    call.finalStatus = last.status;
    call.totalMs = last.startMs + last.durationMs;
    previous = exchange;
    previousKey = key;
  }
  return calls;
}

function attemptOf(
  exchange: Exchange,
  number: number,
  firstStartedAt: number,
  before: Exchange | undefined,
): Attempt {
  // The SDK starts waiting as soon as it has the failed response's headers (it drops the body), so the wait is
  // measured from then; an older record without that time falls back to the end of the exchange.
  const beforeEnd = before
    ? before.startedAt + (before.headersAtMs ?? before.durationMs)
    : exchange.startedAt;
  return {
    exchangeId: exchange.id,
    number,
    retryCount: retryCountOf(exchange),
    status: exchange.status,
    error: exchange.error ?? null,
    startMs: exchange.startedAt - firstStartedAt,
    durationMs: exchange.durationMs,
    waitedMs: Math.max(0, exchange.startedAt - beforeEnd),
    askedMs: before ? retryAfterMs(before.headers, beforeEnd) : null,
  };
}

/** The calls the SDK retried at least once. */
export function retriedCalls(exchanges: readonly Exchange[]): Call[] {
  return groupAttempts(exchanges).filter((c) => c.attempts.length > 1);
}
