import { DRILL_TIMEOUT_MS, FLAKY_FAILURES, TIMEOUT_DRILL_HOLD_MS, type RunnerDrill } from './drills';
import type { SerializedError } from './protocol';

/**
 * What an error card says the learner can do, which depends on who can act: a drill is practice on the sandbox, a
 * learner's own key is theirs to forget (and so to run on the sandbox instead), and the server's upstream is its
 * operator's, which no learner can change. Pure, so every drill's and every backend's hints are unit-tested,
 * links included. Facts about the SDK are from node_modules/openai/src (cited where used).
 */

/** Where a run's calls go, as the page knows it before any answer. */
export type RunVia = 'sandbox' | 'own-key' | 'server-upstream';

export interface HintLink {
  label: string;
  href: string;
}

/** A sentence or two of a hint: text, inline code and links, in order. */
export type HintPart = string | { code: string } | HintLink;

export interface ErrorHints {
  /** Paragraphs, in order. */
  hints: HintPart[][];
  /**
   * Whether the lesson's "How to recover" entry for the error class fits. Not for failures of Tokenwise's own
   * proxy (an upstream it can't reach, its own 500): the class's entry is about OpenAI's servers (lesson 1 says to
   * check status.openai.com), which is not where the failure was.
   */
  guide: boolean;
}

/** The Settings page's "Your OpenAI key" section, where the Forget key control is (app/settings/settings-panel.tsx). */
export const OWN_KEY_ANCHOR = 'own-key';
export const OWN_KEY_HREF = `/settings#${OWN_KEY_ANCHOR}`;
export const SETTINGS_HREF = '/settings';

/** Every page address a hint may link to: tests check each one exists. */
export const HINT_HREFS = [OWN_KEY_HREF, SETTINGS_HREF] as const;

const FORGET_KEY: HintLink = { label: 'forget your key in Settings', href: OWN_KEY_HREF };

/** Codes Tokenwise's proxy answers with itself when the upstream model server fails it (lib/backends/upstream.ts). */
const UPSTREAM_FAILURES: Record<string, string> = {
  upstream_unreachable: 'Tokenwise could not connect to the upstream model server',
  upstream_timeout: 'the upstream model server did not answer in time',
  upstream_bad_response: 'the upstream model server sent an answer Tokenwise could not read',
};

/** The SDK's default retry count: `maxRetries` unless set is 2 (`#normalizeRetries` in src/client.ts). */
const SDK_ATTEMPTS = 3;

/** Whose backend answered the call that failed: drilled calls always go to the sandbox (lib/proxy/backend.ts). */
function answeredBy(error: SerializedError, via: RunVia | null, drill: RunnerDrill | null): RunVia | null {
  if (drill === 'flaky') return error.status === 429 ? 'sandbox' : via;
  if (drill && drill !== 'refusal') return 'sandbox';
  return via;
}

function timeoutHints(drill: RunnerDrill | null, via: RunVia | null): HintPart[][] {
  const hints: HintPart[][] = [];
  if (drill === 'timeout') {
    hints.push([
      `This was the timeout drill: the sandbox takes ${TIMEOUT_DRILL_HOLD_MS / 1000} s to answer, and for this run the runner set the SDK's default timeout to ${DRILL_TIMEOUT_MS / 1000} s (it is 10 minutes otherwise).`,
    ]);
  }
  // src/client.ts: each attempt gets the whole `timeout` (fetchWithTimeout), a timed-out attempt is retried like a
  // lost connection while retries remain, then the SDK throws APIConnectionTimeoutError ("Request timed out.").
  hints.push([
    'No response arrived within the client’s timeout. The SDK retries a timeout like a lost connection (',
    { code: 'maxRetries' },
    ` times, 2 unless you set it, so ${SDK_ATTEMPTS} attempts), and each attempt gets the whole `,
    { code: 'timeout' },
    ' (in milliseconds) again.',
  ]);
  hints.push([
    'Set both on the client, ',
    { code: 'new OpenAI({ timeout: 2000, maxRetries: 0 })' },
    ', or for one call, ',
    { code: 'create(params, { timeout: 2000, maxRetries: 0 })' },
    '. For long answers, raise the timeout or stream them.',
  ]);
  if (!drill && via === 'own-key') {
    hints.push([
      'Your key is used for this run, so the upstream model server was the slow one. To run against the sandbox instead, ',
      FORGET_KEY,
      '.',
    ]);
  }
  return hints;
}

/** One paragraph of hints. */
const one = (guide: boolean, ...parts: HintPart[]): ErrorHints => ({ guide, hints: [parts] });

export function errorHints(
  error: SerializedError,
  { via, drill }: { via: RunVia | null; drill: RunnerDrill | null },
): ErrorHints {
  const code = error.code ?? null;
  const by = answeredBy(error, via, drill);

  // Failures of Tokenwise's proxy reaching its upstream: only whoever runs the upstream, or holds the key, can act.
  const upstreamFailure = code ? UPSTREAM_FAILURES[code] : undefined;
  if (upstreamFailure && by === 'own-key') {
    return one(
      false,
      `Your key is used for this run: ${upstreamFailure}, so the request got no answer. To run against the sandbox instead, `,
      FORGET_KEY,
      '.',
    );
  }
  if (upstreamFailure && by !== 'sandbox') {
    return one(
      false,
      `Runs here go to an upstream model server that this site’s operator configured, not to the sandbox, and ${upstreamFailure}. Nothing in your code can fix that: try again later, or tell the site’s operator. `,
      { label: 'Settings', href: SETTINGS_HREF },
      ' shows where runs go.',
    );
  }
  if (code === 'own_keys_disabled') {
    return one(
      false,
      'This site does not pass learners’ own keys upstream. To run against the sandbox instead, ',
      FORGET_KEY,
      '.',
    );
  }
  if (code === 'internal_error') {
    return one(
      false,
      'Tokenwise itself failed on this request: not your code, and not the model. Run again; if it keeps failing, tell the site’s operator the request id.',
    );
  }

  switch (error.name) {
    case 'APIConnectionTimeoutError':
      return { guide: true, hints: timeoutHints(drill, by) };

    case 'APIConnectionError':
      return drill === 'dropped'
        ? one(
            true,
            `This was the dropped-connection drill: the sandbox closed each connection without answering, and the SDK tried ${SDK_ATTEMPTS} times (it retries a lost connection).`,
          )
        : one(
            true,
            'Your program could not reach this site’s API (',
            { code: '/api/v1' },
            '), which every run goes through: check your network connection, then run again.',
          );

    case 'TypeError':
      return drill === 'dropped'
        ? one(
            false,
            'This was the dropped-connection drill: the connection closed in the middle of the stream. The SDK does not retry a stream that has started; catch the error around the loop that reads it.',
          )
        : { guide: false, hints: [] };

    case 'AuthenticationError':
      if (drill === '401') {
        return one(
          true,
          'This was the 401 drill: the sandbox answered as the API does for a wrong key. The SDK does not retry a 401, as only another key can fix it.',
        );
      }
      if (code === 'expired_api_key') {
        return one(false, 'The runner’s token for this page has expired: reload the page for a new one.');
      }
      if (by === 'own-key') {
        return one(
          true,
          'The upstream model server refused your key. Check it and set it again in ',
          { label: 'Settings', href: OWN_KEY_HREF },
          ', or to run against the sandbox instead, ',
          FORGET_KEY,
          '.',
        );
      }
      return one(
        true,
        'The key your program sent was refused. In the runner, ',
        { code: 'new OpenAI()' },
        ' reads ',
        { code: 'process.env.OPENAI_API_KEY' },
        ', a token Tokenwise fills in for each run: leave ',
        { code: 'apiKey' },
        ' out.',
      );

    case 'RateLimitError':
      if (drill === '429') {
        return one(
          true,
          `This was the 429 drill: the SDK tried ${SDK_ATTEMPTS} times, each time waiting as `,
          { code: 'retry-after-ms' },
          ' asked, then gave up. Catch the error, or retry longer with ',
          { code: 'maxRetries' },
          '.',
        );
      }
      if (drill === 'flaky') {
        return one(
          true,
          `This was the flaky drill: the first ${FLAKY_FAILURES} calls of the run get a 429, and the SDK’s ${SDK_ATTEMPTS} attempts used them all. Retry once more (`,
          { code: `maxRetries: ${FLAKY_FAILURES}` },
          ', or a loop of your own) and the run succeeds.',
        );
      }
      if (code === 'daily_budget_exceeded') {
        return one(
          false,
          'This site’s daily token budget for its own key is spent; it resets at 00:00 UTC. Runs with your own key do not count against it: ',
          { label: 'set one in Settings', href: OWN_KEY_HREF },
          '.',
        );
      }
      if (by === 'own-key') {
        return code === 'insufficient_quota'
          ? one(
              true,
              'Your account is out of credit (insufficient_quota): waiting will not help. Add credit, or to run against the sandbox instead, ',
              FORGET_KEY,
              '.',
            )
          : { guide: true, hints: [] };
      }
      return one(
        true,
        'These are this site’s per-minute limits for your runs (',
        { label: 'Settings', href: SETTINGS_HREF },
        ' lists them): wait as the message says, then run again.',
      );

    case 'InternalServerError':
      return drill === '500'
        ? one(
            true,
            `This was the 500 drill: the SDK tried ${SDK_ATTEMPTS} times (it retries 5xx), then gave up.`,
          )
        : { guide: true, hints: [] };

    case 'APIUserAbortError':
      return one(
        false,
        'Your program aborted the request itself, with the ',
        { code: 'signal' },
        ' it passed.',
      );

    default:
      return { guide: true, hints: [] };
  }
}
