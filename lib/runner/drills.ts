/**
 * Error drills, defined once for the browser (runner, editor) and the server (the sandbox answers them): a request
 * carrying `x-tokenwise-drill: <kind>` gets that failure from the sandbox instead of an answer. `refusal` is not
 * an error: the sandbox answers with `message.refusal` set and `content: null`, as a model that declines does.
 * Browser-safe: constants only.
 */
export const DRILLS = ['401', '429', '500', 'timeout', 'dropped', 'refusal'] as const;
export type Drill = (typeof DRILLS)[number];

/** The request header that asks the sandbox to fail on purpose (answered by the proxy). */
export const DRILL_HEADER = 'x-tokenwise-drill';

/**
 * The SDK waits 10 minutes for a response by default. For the timeout drill the runner shortens that default, so
 * the learner sees `APIConnectionTimeoutError` in seconds; a `timeout` passed to `new OpenAI()` still wins.
 */
export const DRILL_TIMEOUT_MS = 1_500;

export const DRILL_OPTIONS: { value: Drill | 'none'; label: string; expect: string }[] = [
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
    expect: 'APIConnectionError, after the SDK retried twice',
  },
  {
    value: 'refusal',
    label: 'Refusal',
    expect:
      'No error: the answer has message.refusal set and content null (parse() gives parsed: null; a stream sends refusal deltas)',
  },
];
