import { ApiError } from '@/lib/errors';
import { formatReset, Window, type TakeResult, type WindowState, type WindowStore } from './window';

export { formatReset, type WindowState, type WindowStore } from './window';

/**
 * The proxy's limits: requests and tokens per minute per runner token and per client IP, session tokens per
 * minute per IP, and a daily token budget for the server's own key. Tokens are reserved before a backend call
 * (prompt plus the output cap) and settled to the real usage after it, so concurrent requests can't overshoot.
 */
export interface LimitsConfig {
  /** Requests per minute from one IP. */
  ipRpm: number;
  /** Tokens per minute from one IP. */
  ipTpm: number;
  /** `POST /api/session` calls per minute from one IP. */
  sessionRpm: number;
  /** Tokens a UTC day the server key may spend upstream. */
  dailyTokenBudget: number;
  store: WindowStore;
}

/** Who is calling: every caller has an IP; a runner token carries its own per-minute limits. */
export interface LimitSubject {
  ip: string;
  runner?: { id: string; rpm: number; tpm: number };
}

export interface Reservation {
  /** Headers describing the token window after the reservation. */
  state: WindowState | null;
  /** Records what the call really used; gives back the difference. Safe to call more than once. */
  settle(usedTokens: number): Promise<void>;
}

const MINUTE = 60;
const DAY_MS = 86_400_000;

function utcDay(now: number): { key: string; msLeft: number } {
  return { key: new Date(now).toISOString().slice(0, 10), msLeft: DAY_MS - (now % DAY_MS) };
}

function waitHeaders(ms: number): Record<string, string> {
  return {
    'retry-after': String(Math.max(1, Math.ceil(ms / 1000))),
    'retry-after-ms': String(Math.max(1, Math.ceil(ms))),
  };
}

/** OpenAI's `x-ratelimit-*` headers for a request window and a token window. */
export function rateLimitHeaders(
  requests: WindowState | null,
  tokens: WindowState | null,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (requests) {
    headers['x-ratelimit-limit-requests'] = String(requests.limit);
    headers['x-ratelimit-remaining-requests'] = String(requests.remaining);
    headers['x-ratelimit-reset-requests'] = formatReset(requests.resetMs);
  }
  if (tokens) {
    headers['x-ratelimit-limit-tokens'] = String(tokens.limit);
    headers['x-ratelimit-remaining-tokens'] = String(tokens.remaining);
    headers['x-ratelimit-reset-tokens'] = formatReset(tokens.resetMs);
  }
  return headers;
}

export function createLimits(config: LimitsConfig) {
  const windows = new Map<string, Window>();
  const window = (name: string, points: number, durationSec: number) => {
    const id = `${name}:${points}/${durationSec}`;
    let w = windows.get(id);
    if (!w) windows.set(id, (w = new Window(name, points, durationSec, config.store)));
    return w;
  };

  const requestsTooMany = (who: string, r: TakeResult) =>
    new ApiError(
      429,
      `Rate limit reached for requests per minute (RPM) ${who}: Limit ${r.limit}, Used ${r.limit - r.remaining}, Requested 1. Please try again in ${formatReset(r.resetMs)}.`,
      {
        type: 'requests',
        code: 'rate_limit_exceeded',
        headers: { ...waitHeaders(r.resetMs), ...rateLimitHeaders(r, null) },
      },
    );

  const tokensTooMany = (who: string, r: TakeResult, requested: number) =>
    requested > r.limit
      ? new ApiError(
          429,
          `Request too large for tokens per minute (TPM) ${who}: Limit ${r.limit}, Requested ${requested}. The input or output tokens must be reduced in order to run successfully.`,
          {
            type: 'tokens',
            code: 'rate_limit_exceeded',
            headers: { 'x-should-retry': 'false', ...rateLimitHeaders(null, r) },
          },
        )
      : new ApiError(
          429,
          `Rate limit reached for tokens per minute (TPM) ${who}: Limit ${r.limit}, Used ${r.limit - r.remaining}, Requested ${requested}. Please try again in ${formatReset(r.resetMs)}.`,
          {
            type: 'tokens',
            code: 'rate_limit_exceeded',
            headers: { ...waitHeaders(r.resetMs), ...rateLimitHeaders(null, r) },
          },
        );

  return {
    /** Counts one request against the IP and the runner token; returns the runner's (else the IP's) window. */
    async admitRequest(subject: LimitSubject): Promise<WindowState> {
      const ip = await window('ip-rpm', config.ipRpm, MINUTE).take(subject.ip);
      if (!ip.ok) throw requestsTooMany('from this IP address', ip);
      if (!subject.runner) return ip;
      const runner = await window('rt-rpm', subject.runner.rpm, MINUTE).take(subject.runner.id);
      if (!runner.ok) throw requestsTooMany('on this runner token', runner);
      return runner;
    },

    /**
     * Reserves `tokens` from the IP's and the runner token's per-minute windows and, when the server key pays,
     * from today's budget. All or nothing: a window that refuses undoes the ones already taken.
     */
    async reserveTokens(
      subject: LimitSubject,
      tokens: number,
      { serverKey }: { serverKey: boolean },
    ): Promise<Reservation> {
      // Each window a reservation took from, and which of its windows it was charged to.
      const taken: { w: Window; key: string; charged: WindowState }[] = [];
      const undo = () => Promise.all(taken.map(({ w, key, charged }) => w.give(key, tokens, charged)));
      let shown: WindowState | null = null;
      const steps: { w: Window; key: string; refuse: (r: TakeResult) => ApiError }[] = [
        {
          w: window('ip-tpm', config.ipTpm, MINUTE),
          key: subject.ip,
          refuse: (r) => tokensTooMany('from this IP address', r, tokens),
        },
      ];
      if (subject.runner) {
        steps.push({
          w: window('rt-tpm', subject.runner.tpm, MINUTE),
          key: subject.runner.id,
          refuse: (r) => tokensTooMany('on this runner token', r, tokens),
        });
      }
      if (serverKey) {
        const day = utcDay(Date.now());
        steps.push({
          w: window('budget', config.dailyTokenBudget, 2 * 86_400),
          key: day.key,
          refuse: (r) =>
            new ApiError(
              429,
              `This Tokenwise server has spent its daily token budget for its own API key: Limit ${r.limit}, Used ${r.limit - r.remaining}, Requested ${tokens}. It resets at 00:00 UTC, in ${formatReset(day.msLeft)}. Meanwhile the sandbox, or your own API key, still works.`,
              {
                type: 'tokens',
                code: 'daily_budget_exceeded',
                headers: { ...waitHeaders(day.msLeft), 'x-should-retry': 'false' },
              },
            ),
        });
      }
      for (const step of steps) {
        const result = await step.w.take(step.key, tokens);
        if (!result.ok) {
          await undo();
          throw step.refuse(result);
        }
        taken.push({ ...step, charged: result });
        if (step.w.name !== 'budget') shown = result;
      }
      let settled = false;
      return {
        state: shown,
        async settle(used) {
          if (settled) return;
          settled = true;
          const back = tokens - Math.max(0, Math.round(used));
          if (back !== 0) await Promise.all(taken.map(({ w, key, charged }) => w.give(key, back, charged)));
        },
      };
    },

    /** Counts one `POST /api/session` against the IP. */
    async admitSession(ip: string): Promise<void> {
      const r = await window('session', config.sessionRpm, MINUTE).take(ip);
      if (!r.ok) {
        throw new ApiError(
          429,
          `Too many runner tokens requested from this IP address: Limit ${r.limit} per minute. Please try again in ${formatReset(r.resetMs)}.`,
          { type: 'requests', code: 'rate_limit_exceeded', headers: waitHeaders(r.resetMs) },
        );
      }
    },
  };
}

export type Limits = ReturnType<typeof createLimits>;
