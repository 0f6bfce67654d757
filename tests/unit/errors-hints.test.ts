import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import OpenAI from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsPanel } from '@/app/settings/settings-panel';
import { initialRunState, runReducer } from '@/components/runner/run-state';
import { createSandboxFetch } from '@/lib/backends/sandbox/fetch';
import { lessonRecordings } from '@/lib/backends/sandbox/recordings';
import {
  DRILL_HEADER,
  DRILL_OPTIONS,
  DRILL_TIMEOUT_MS,
  drillForCall,
  RUNNER_DRILLS,
  TIMEOUT_DRILL_HOLD_MS,
  type RunnerDrill,
} from '@/lib/runner/drills';
import {
  errorHints,
  HINT_HREFS,
  OWN_KEY_ANCHOR,
  OWN_KEY_HREF,
  type HintLink,
  type HintPart,
  type RunVia,
} from '@/lib/runner/error-hints';
import { failureText } from '@/lib/runner/fetch-failure';
import type { SerializedError } from '@/lib/runner/protocol';

/**
 * Error cards say what the learner can do, by who can act (a drill, the learner's own key, the site's upstream), and
 * every drill ends in the SDK's own error class: each drill's final error is produced here by the real `openai`
 * client against the sandbox (its retries included), then given to the hints.
 */

const VIAS: RunVia[] = ['sandbox', 'own-key', 'server-upstream'];
const links = (parts: HintPart[][]): HintLink[] =>
  parts.flat().filter((p): p is HintLink => typeof p === 'object' && 'href' in p);
const text = (parts: HintPart[][]) =>
  parts
    .map((p) => p.map((s) => (typeof s === 'string' ? s : 'code' in s ? s.code : s.label)).join(''))
    .join('\n');

/** What the runner's worker does to a run's calls for a drill, over a real SDK client answered by the sandbox. */
function drilledClient(drill: RunnerDrill, attempts: string[]) {
  const sandbox = createSandboxFetch({ recordings: lessonRecordings() });
  let calls = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const header = drillForCall(drill, ++calls);
    if (header) headers.set(DRILL_HEADER, header);
    attempts.push(header ?? 'none');
    // Over HTTP, the proxy closes a dropped connection before any response: the browser's fetch rejects so.
    if (header === 'dropped') throw new TypeError('Failed to fetch');
    return sandbox(input, { ...init, headers });
  };
  return new OpenAI({ apiKey: 'tw_rt_test', baseURL: 'http://sandbox.test/v1', fetch, logLevel: 'off' });
}

function serialize(error: unknown): SerializedError {
  const e = error as Error & { status?: number; code?: string | null };
  return {
    name: e.constructor.name,
    message: e.message,
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(e.code !== undefined ? { code: e.code } : {}),
  };
}

const EXPECTED: Record<
  Exclude<RunnerDrill, 'refusal'>,
  { name: string; status?: number; attempts: number }
> = {
  '401': { name: 'AuthenticationError', status: 401, attempts: 1 },
  '429': { name: 'RateLimitError', status: 429, attempts: 3 },
  '500': { name: 'InternalServerError', status: 500, attempts: 3 },
  timeout: { name: 'APIConnectionTimeoutError', attempts: 3 },
  dropped: { name: 'APIConnectionError', attempts: 3 },
  flaky: { name: 'RateLimitError', status: 429, attempts: 3 },
};

describe('every drill ends in the SDK error class its label promises, with hints whose links work', () => {
  const drills = RUNNER_DRILLS.filter((d): d is Exclude<RunnerDrill, 'refusal'> => d !== 'refusal');

  for (const drill of drills) {
    it(`${drill}: ${EXPECTED[drill].name}`, async () => {
      const attempts: string[] = [];
      // A short client timeout, as the runner sets for the timeout drill (DRILL_TIMEOUT_MS), kept brief here.
      const client = drilledClient(drill, attempts);
      const error = await client.chat.completions
        .create(
          { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] },
          drill === 'timeout' ? { timeout: 60 } : {},
        )
        .then(
          () => null,
          (e: unknown) => e,
        );
      const serialized = serialize(error);
      expect(serialized.name).toBe(EXPECTED[drill].name);
      expect(serialized.status).toBe(EXPECTED[drill].status);
      expect(attempts).toHaveLength(EXPECTED[drill].attempts);
      // The drill picker says what to expect, by the same class name.
      expect(DRILL_OPTIONS.find((o) => o.value === drill)?.expect).toContain(EXPECTED[drill].name);

      for (const via of VIAS) {
        const { hints, guide } = errorHints(serialized, { via, drill });
        // A drill is practice on the sandbox: the card says so, and the lesson's recovery entry fits.
        expect(text(hints), `${drill} via ${via}`).toMatch(/drill/);
        expect(guide).toBe(true);
        for (const link of links(hints)) expect(HINT_HREFS).toContain(link.href);
        expect(text(hints)).not.toMatch(/status\.openai\.com|OPENAI_BASE_URL/);
      }
    });
  }

  it('the timeout drill explains the timeout and retries, with the options that set them', async () => {
    const { hints } = errorHints(
      { name: 'APIConnectionTimeoutError', message: 'Request timed out.' },
      {
        via: 'sandbox',
        drill: 'timeout',
      },
    );
    const said = text(hints);
    expect(said).toContain(`${DRILL_TIMEOUT_MS / 1000} s`);
    expect(said).toContain(`${TIMEOUT_DRILL_HOLD_MS / 1000} s to answer`);
    expect(said).toContain('maxRetries');
    expect(said).toContain('new OpenAI({ timeout: 2000, maxRetries: 0 })');
    expect(said).toContain('create(params, { timeout: 2000, maxRetries: 0 })');
  });
});

describe('hints name what the learner can do', () => {
  const unreachable: SerializedError = {
    name: 'InternalServerError',
    message: 'Tokenwise could not connect to the upstream model server.',
    status: 502,
    code: 'upstream_unreachable',
    type: 'upstream_error',
  };

  it('with their own key: it is their key, and forgetting it (linked) runs on the sandbox', () => {
    const { hints, guide } = errorHints(unreachable, { via: 'own-key', drill: null });
    expect(text(hints)).toMatch(
      /^Your key is used for this run.*To run against the sandbox instead, forget your key in Settings\.$/,
    );
    expect(links(hints)).toEqual([{ label: 'forget your key in Settings', href: OWN_KEY_HREF }]);
    // Not the lesson's InternalServerError entry: it is about OpenAI's servers (status.openai.com), not a connection.
    expect(guide).toBe(false);
  });

  it("on the server's upstream without a key: the operator configured it, the sandbox is not in use", () => {
    const { hints, guide } = errorHints(unreachable, { via: 'server-upstream', drill: null });
    expect(text(hints)).toMatch(/operator configured/);
    expect(text(hints)).toMatch(/not to the sandbox/);
    expect(links(hints).map((l) => l.href)).not.toContain(OWN_KEY_HREF);
    expect(guide).toBe(false);
  });

  it('an upstream 5xx of its own keeps the lesson entry; the timeout of an own-key run offers the sandbox', () => {
    expect(
      errorHints(
        { name: 'InternalServerError', message: 'overloaded', status: 503 },
        { via: 'own-key', drill: null },
      ).guide,
    ).toBe(true);
    const timeout = errorHints(
      { name: 'APIConnectionTimeoutError', message: 'Request timed out.' },
      {
        via: 'own-key',
        drill: null,
      },
    );
    expect(links(timeout.hints)).toEqual([{ label: 'forget your key in Settings', href: OWN_KEY_HREF }]);
  });

  it('every link a hint can hold, over every error and backend, is a page of the app', () => {
    const errors: SerializedError[] = [
      unreachable,
      { ...unreachable, status: 504, code: 'upstream_timeout' },
      { ...unreachable, code: 'upstream_bad_response' },
      { name: 'PermissionDeniedError', message: '', status: 403, code: 'own_keys_disabled' },
      { name: 'AuthenticationError', message: '', status: 401, code: 'invalid_api_key' },
      { name: 'AuthenticationError', message: '', status: 401, code: 'expired_api_key' },
      { name: 'RateLimitError', message: '', status: 429, code: 'daily_budget_exceeded' },
      { name: 'RateLimitError', message: '', status: 429, code: 'insufficient_quota' },
      { name: 'RateLimitError', message: '', status: 429, code: 'rate_limit_exceeded' },
      { name: 'InternalServerError', message: '', status: 500, code: 'internal_error' },
      { name: 'APIConnectionError', message: 'Connection error.' },
      { name: 'APIUserAbortError', message: 'Request was aborted.' },
    ];
    for (const error of errors)
      for (const via of VIAS)
        for (const link of links(errorHints(error, { via, drill: null }).hints))
          expect(HINT_HREFS).toContain(link.href);
  });

  it("the Forget key link's anchor is on the Settings page", () => {
    const html = renderToString(createElement(SettingsPanel));
    expect(html).toContain(`id="${OWN_KEY_ANCHOR}"`);
    expect(OWN_KEY_HREF).toBe(`/settings#${OWN_KEY_ANCHOR}`);
  });
});

describe('the timeout drill is a slow answer, held a bounded time', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const ENDPOINTS = {
    'chat/completions': { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] },
    responses: { model: 'gpt-4o-mini', input: 'Hi', store: false },
  };

  for (const [path, body] of Object.entries(ENDPOINTS)) {
    const request = (signal?: AbortSignal) =>
      createSandboxFetch({ recordings: lessonRecordings() })(`http://sandbox.test/v1/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [DRILL_HEADER]: 'timeout' },
        body: JSON.stringify(body),
        signal,
      });

    it(`POST /${path} answers once the hold ends, never later`, async () => {
      vi.useFakeTimers();
      let settled = false;
      const answer = request().then((r) => ((settled = true), r));
      await vi.advanceTimersByTimeAsync(TIMEOUT_DRILL_HOLD_MS - 1);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await answer).status).toBe(200);
    });

    it(`POST /${path} lets go at once when the client gives up`, async () => {
      vi.useFakeTimers();
      const controller = new AbortController();
      const answer = request(controller.signal).then(
        () => 'answered',
        () => 'aborted',
      );
      await vi.advanceTimersByTimeAsync(DRILL_TIMEOUT_MS);
      controller.abort();
      expect(await answer).toBe('aborted');
      expect(vi.getTimerCount()).toBe(0);
    });
  }
});

describe('a request with no response, in words', () => {
  it('an abort is the client giving up, not a raw AbortError', () => {
    const abort = new DOMException('signal is aborted without reason', 'AbortError');
    const timedOut = failureText(abort, { aborted: true, ms: 2001, drill: 'timeout' });
    expect(timedOut).toBe(
      "No response within the SDK's timeout: the SDK aborted this attempt after 2001 ms.",
    );
    expect(failureText(abort, { aborted: true, ms: 5, drill: null })).not.toMatch(
      /AbortError|without reason/,
    );
    expect(failureText(new TypeError('Failed to fetch'), { aborted: false, ms: 5, drill: null })).toBe(
      'TypeError: Failed to fetch',
    );
  });
});

describe('a run knows its drill and where its calls go before the program starts', () => {
  it('keeps both for its own run only, and a new run starts without them', () => {
    let state = runReducer(initialRunState, { type: 'prepare', runId: 'r1', drill: 'timeout' });
    state = runReducer(state, { type: 'via', runId: 'other', via: 'sandbox' });
    expect(state.via).toBeNull();
    state = runReducer(state, { type: 'via', runId: 'r1', via: 'own-key' });
    expect(state).toMatchObject({ drill: 'timeout', via: 'own-key' });
    state = runReducer(state, { type: 'prepare', runId: 'r2' });
    expect(state).toMatchObject({ drill: null, via: null });
  });
});
