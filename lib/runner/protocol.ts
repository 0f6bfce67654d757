import * as z from 'zod/mini';
import { RUNNER_DRILLS } from './drills';

/**
 * Messages between the page, the sandboxed runner frame and its worker. Each side parses what it receives with
 * these schemas (zod's small build, so the runner stays light); nothing is trusted for its shape alone.
 */

// The drills are defined once, in ./drills (the sandbox answers the same list).
export { DRILLS, RUNNER_DRILLS, type Drill, type RunnerDrill } from './drills';

export const CONSOLE_LEVELS = ['log', 'info', 'warn', 'error', 'debug', 'stdout', 'stderr'] as const;
export type ConsoleLevel = (typeof CONSOLE_LEVELS)[number];

export { OUTCOMES, type Outcome } from './outcomes';
import { OUTCOMES } from './outcomes';

/** The first message the frame sends its parent window, before any port exists. */
export const HELLO = 'tokenwise:runner-hello';
/** The parent's answer, carrying the MessagePort; accepted once. */
export const CONNECT = 'tokenwise:runner-connect';

export const helloSchema = z.object({ type: z.literal(HELLO) });
export const connectSchema = z.object({ type: z.literal(CONNECT) });

const headers = z.record(z.string(), z.string());

/** One HTTP exchange with the app's API, as the learner's program saw it. */
export const exchangeSchema = z.object({
  id: z.string(),
  method: z.string(),
  /** Path and query on the app, e.g. `/api/v1/chat/completions`. */
  path: z.string(),
  startedAt: z.number(),
  durationMs: z.number(),
  /** The parsed JSON body that was sent. */
  request: z.unknown(),
  /** `null` when no response arrived (connection refused, dropped, timed out, aborted). */
  status: z.nullable(z.number()),
  headers,
  /** The parsed JSON body (a completion or an error envelope); absent for streams. */
  response: z.optional(z.unknown()),
  /** Each `data:` event of a stream, parsed. */
  chunks: z.optional(z.array(z.unknown())),
  /** When each chunk arrived, in ms after `startedAt` (same length as `chunks`). */
  chunkTimes: z.optional(z.array(z.number())),
  /** When the response headers arrived, in ms after `startedAt`. */
  headersAtMs: z.optional(z.number()),
  /** An allow-list of the request's headers (the SDK's retry count and timeout, the drill); never credentials. */
  requestHeaders: z.optional(headers),
  /** Why the exchange ended without a (complete) body. */
  error: z.optional(z.string()),
});
export type Exchange = z.infer<typeof exchangeSchema>;

export const serializedErrorSchema = z.object({
  name: z.string(),
  message: z.string(),
  status: z.optional(z.number()),
  code: z.optional(z.nullable(z.string())),
  type: z.optional(z.nullable(z.string())),
  param: z.optional(z.nullable(z.string())),
  requestID: z.optional(z.nullable(z.string())),
  stack: z.optional(z.string()),
});
export type SerializedError = z.infer<typeof serializedErrorSchema>;

const runId = z.string().check(z.minLength(1), z.maxLength(64));

/** Page to frame, over the port. */
export const pageMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sdk'), source: z.string() }),
  z.object({
    type: z.literal('run'),
    runId,
    /** JavaScript (already transpiled), an ES module. */
    code: z.string().check(z.maxLength(500_000)),
    /** `process.env` for the program: at least OPENAI_API_KEY. */
    env: z.record(z.string(), z.string()),
    drill: z.nullable(z.enum(RUNNER_DRILLS)),
    timeLimitMs: z.number().check(z.positive(), z.lte(300_000)),
  }),
  z.object({ type: z.literal('stop'), runId }),
]);
export type PageMessage = z.infer<typeof pageMessageSchema>;

/** Frame (and its worker) to page, over the port. */
export const runnerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('console'), runId, level: z.enum(CONSOLE_LEVELS), text: z.string() }),
  z.object({ type: z.literal('exchange'), runId, exchange: exchangeSchema }),
  z.object({ type: z.literal('error'), runId, error: serializedErrorSchema }),
  z.object({
    type: z.literal('done'),
    runId,
    outcome: z.enum(OUTCOMES),
    durationMs: z.number(),
    /** Output went over the cap and the rest was dropped. */
    truncated: z.boolean(),
  }),
]);
export type RunnerMessage = z.infer<typeof runnerMessageSchema>;

export function parsePageMessage(data: unknown): PageMessage | null {
  const result = pageMessageSchema.safeParse(data);
  return result.success ? result.data : null;
}

export function parseRunnerMessage(data: unknown): RunnerMessage | null {
  const result = runnerMessageSchema.safeParse(data);
  return result.success ? result.data : null;
}
