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
 * The SDK waits 10 minutes for a response by default. For the timeout drill the runner shortens that default, so
 * the learner sees `APIConnectionTimeoutError` in seconds; a `timeout` passed to `new OpenAI()` still wins.
 */
export const DRILL_TIMEOUT_MS = 1_500;

export const DRILL_OPTIONS: { value: RunnerDrill | 'none'; label: string; expect: string }[] = [
  { value: 'none', label: 'None', expect: '' },
  { value: '401', label: '401 wrong key', expect: 'AuthenticationError (not retried)' },
  { value: '429', label: '429 rate limit', expect: 'RateLimitError, after the SDK retried twice' },
  { value: '500', label: '500 server error', expect: 'InternalServerError, after the SDK retried twice' },
  {
    value: 'timeout',
    label: 'Timeout',
    expect: `APIConnectionTimeoutError: the sandbox never answers. The SDK's default timeout is 10 minutes; for this drill the runner makes it ${DRILL_TIMEOUT_MS / 1000} s (a timeout you pass to new OpenAI() wins)`,
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
