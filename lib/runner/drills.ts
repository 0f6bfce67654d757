/**
 * Error drills, defined once for the browser (runner, editor) and the server (the sandbox answers them): a request
 * carrying `x-tokenwise-drill: <kind>` gets that failure from the sandbox instead of an answer. `refusal` is not
 * an error: the sandbox answers with `message.refusal` set and `content: null`, as a model that declines does.
 * Browser-safe: constants only.
 */
export const DRILLS = ['401', '429', '500', 'timeout', 'dropped', 'refusal'] as const;
export type Drill = (typeof DRILLS)[number];

/**
 * The drills the output panel offers: the sandbox's, and `flaky`, which the runner plays itself: the first
 * `FLAKY_FAILURES` calls of a run carry the 429 drill and the rest go through, so a retry policy can be seen to work.
 */
export const RUNNER_DRILLS = [...DRILLS, 'flaky'] as const;
export type RunnerDrill = (typeof RUNNER_DRILLS)[number];
/** One more than the SDK's default retries: the SDK alone gives up; a policy of your own gets through. */
export const FLAKY_FAILURES = 3;

/** The drill header a run's `n`-th API call (1-based) carries, or null for none. */
export function drillForCall(drill: RunnerDrill | null, call: number): Drill | null {
  if (drill === 'flaky') return call <= FLAKY_FAILURES ? '429' : null;
  return drill;
}

/** The request header that asks the sandbox to fail on purpose (answered by the proxy). */
export const DRILL_HEADER = 'x-tokenwise-drill';

/**
 * How long the sandbox holds a request carrying the timeout drill before it answers (normally). A slow answer, not
 * one that never comes: the server lets go of every held request within this time (or sooner, when the client
 * gives up and its request is aborted), so the drill costs it no more than a timer per request. Longer than the
 * timeouts the lessons' examples set (lesson 6's client gives each attempt 8 s), so those still time out.
 */
export const TIMEOUT_DRILL_HOLD_MS = 10_000;

/**
 * The `openai` SDK waits 10 minutes for an answer by default (`static DEFAULT_TIMEOUT = 600000` in
 * node_modules/openai/src/client.ts; a client's `timeout` is `options.timeout ?? OpenAI.DEFAULT_TIMEOUT`). For the
 * timeout drill the runner sets that default to this for the one run, so a program that sets no timeout of its own
 * still sees the SDK's timeout fire in seconds; a `timeout` given to `new OpenAI()` or to one request wins.
 */
export const DRILL_TIMEOUT_MS = 2_000;

export const DRILL_OPTIONS: { value: RunnerDrill | 'none'; label: string; expect: string }[] = [
  { value: 'none', label: 'None', expect: '' },
  { value: '401', label: '401 wrong key', expect: 'AuthenticationError (status 401, not retried)' },
  {
    value: '429',
    label: '429 rate limit',
    expect: 'RateLimitError (status 429), after the SDK retried twice',
  },
  {
    value: '500',
    label: '500 server error',
    expect: 'InternalServerError (status 500), after the SDK retried twice',
  },
  {
    value: 'timeout',
    label: 'Timeout',
    // Facts from node_modules/openai/src/client.ts: the SDK aborts an attempt when its timeout passes and throws
    // APIConnectionTimeoutError ("Request timed out.", src/core/error.ts); a timeout is retried like a lost
    // connection, maxRetries (default 2) times, after backoffs of about 0.5 s and 1 s (calculateDefaultRetryTimeoutMillis).
    expect: `APIConnectionTimeoutError ("Request timed out.") after 3 attempts: the sandbox takes ${TIMEOUT_DRILL_HOLD_MS / 1000} s to answer, and for this run the runner sets the SDK's default timeout to ${DRILL_TIMEOUT_MS / 1000} s (normally 10 minutes). Your own timeout wins: new OpenAI({ timeout: ${DRILL_TIMEOUT_MS}, maxRetries: 0 }) fails after one attempt; over ${TIMEOUT_DRILL_HOLD_MS / 1000} s, the answer arrives`,
  },
  {
    value: 'dropped',
    label: 'Dropped connection',
    expect:
      'APIConnectionError, after the SDK retried twice; a stream already under way ends with a TypeError instead, not retried',
  },
  {
    value: 'flaky',
    label: 'Flaky 429 (recovers)',
    expect: `RateLimitError after the SDK's 3 attempts: the first ${FLAKY_FAILURES} calls of the run get 429, later ones are answered. Retry longer (maxRetries, or your own loop) and the run succeeds`,
  },
  {
    value: 'refusal',
    label: 'Refusal',
    expect:
      'No error: the answer has message.refusal set and content null (parse() gives parsed: null; a stream sends refusal deltas)',
  },
];
