import OpenAI, {
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProxyConfig } from '@/lib/proxy/config';
import { createProxy } from '@/lib/proxy/proxy';
import { startFakeUpstream, type Behaviour, type FakeUpstream } from '../../support/fake-upstream';
import { testConfig } from '../../support/proxy-config';
import { serveRoutes, type ServedApp } from '../../support/serve-routes';

/**
 * The upstream path against a small OpenAI-compatible server started here on loopback: pass-through, error
 * mapping, timeouts, retries before the first byte, aborts on client disconnect, the learner's key, the server
 * key's cap and daily budget.
 */
const LEARNER_KEY = 'sk-learner-UPSTREAM-test-key-0123456789';
const SERVER_KEY = 'sk-server-SECRET-never-shown-9876543210';
const user = [{ role: 'user' as const, content: 'Say hello.' }];

interface Rig {
  app: ServedApp;
  fake: FakeUpstream;
  logs: string[];
  close(): Promise<void>;
}

const rigs: Rig[] = [];
async function rig(
  behaviour: Behaviour = { kind: 'answer' },
  overrides: Parameters<typeof testConfig>[0] = {},
): Promise<Rig> {
  const fake = await startFakeUpstream(behaviour);
  const logs: string[] = [];
  const config: ProxyConfig = testConfig({
    ...overrides,
    upstream: { baseURL: fake.url, ...overrides.upstream },
    log: (entry) => logs.push(JSON.stringify(entry)),
  });
  const app = await serveRoutes(createProxy(config));
  const r = { app, fake, logs, close: async () => (await app.close(), await fake.close()) };
  rigs.push(r);
  return r;
}
afterAll(() => Promise.all(rigs.map((r) => r.close())));

const own = (r: Rig, options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
  new OpenAI({ apiKey: LEARNER_KEY, baseURL: r.app.baseURL, maxRetries: 0, ...options });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

// Everything the process prints, to prove no key ever reaches a log.
const printed: string[] = [];
beforeAll(() => {
  for (const method of ['log', 'error', 'warn', 'info'] as const) {
    const original = console[method].bind(console);
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(
        args
          .map((a) =>
            a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a),
          )
          .join(' '),
      );
      original(...args);
    });
  }
});
afterEach(() => {
  for (const line of [...printed, ...rigs.flatMap((r) => r.logs)]) {
    expect(line).not.toContain(LEARNER_KEY);
    expect(line).not.toContain(SERVER_KEY);
  }
});

describe("a learner's own key", () => {
  it('is forwarded upstream, and the answer passes through with the backend and upstream headers', async () => {
    const r = await rig();
    const { data, response } = await own(r)
      .chat.completions.create({ model: 'gpt-4o', messages: user, temperature: 0.3 })
      .withResponse();
    expect(data.choices[0]!.message.content).toBe('Hello from the fake upstream.');
    expect(data.system_fingerprint).toBe('fp_fake');
    expect(r.fake.requests).toHaveLength(1);
    expect(r.fake.requests[0]!.headers.authorization).toBe(`Bearer ${LEARNER_KEY}`);
    expect(r.fake.requests[0]!.body).toMatchObject({ model: 'gpt-4o', messages: user, temperature: 0.3 });
    expect(r.fake.requests[0]!.body).not.toHaveProperty('max_completion_tokens');
    expect(response.headers.get('x-tokenwise-backend')).toBe('upstream');
    expect(response.headers.get('x-upstream-request-id')).toBe('req_fake_upstream');
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    // The upstream's limits describe the learner's key, so they are the ones passed on.
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('500');
    expect(r.logs.at(-1)).toContain('"caller":"own-key"');
  });

  it('streams byte for byte what the upstream sent', async () => {
    const r = await rig({ kind: 'answer', chunkDelayMs: 5 });
    const body = JSON.stringify({
      model: 'gpt-4o',
      messages: user,
      stream: true,
      stream_options: { include_usage: true },
    });
    const direct = await (
      await fetch(`${r.fake.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    ).text();
    const proxied = await fetch(`${r.app.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${LEARNER_KEY}` },
      body,
    });
    expect(proxied.headers.get('content-type')).toBe('text/event-stream');
    expect(await proxied.text()).toBe(direct);
    const stream = await own(r).chat.completions.create({ model: 'gpt-4o', messages: user, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Hello from the fake upstream.');
  });

  it('keeps upstream errors in the envelope with status, code, param and retry headers', async () => {
    const r = await rig({
      kind: 'error',
      status: 429,
      headers: { 'retry-after': '7', 'x-ratelimit-remaining-tokens': '0' },
      body: {
        error: {
          message: 'Rate limit reached for gpt-4o.',
          type: 'tokens',
          param: null,
          code: 'rate_limit_exceeded',
        },
      },
    });
    const limited = await failure(own(r).chat.completions.create({ model: 'gpt-4o', messages: user }));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited).toMatchObject({
      status: 429,
      code: 'rate_limit_exceeded',
      type: 'tokens',
      message: '429 Rate limit reached for gpt-4o.',
    });
    expect((limited as RateLimitError).headers.get('retry-after')).toBe('7');
    expect((limited as RateLimitError).headers.get('x-ratelimit-remaining-tokens')).toBe('0');

    r.fake.behaviour = {
      kind: 'error',
      status: 400,
      body: {
        error: { message: 'Bad seed.', type: 'invalid_request_error', param: 'seed', code: 'invalid_value' },
      },
    };
    expect(await failure(own(r).chat.completions.create({ model: 'gpt-4o', messages: user }))).toMatchObject({
      status: 400,
      param: 'seed',
      code: 'invalid_value',
    });

    r.fake.behaviour = { kind: 'error', status: 503, body: '<html>upstream proxy says no</html>' };
    const html = await failure(own(r).chat.completions.create({ model: 'gpt-4o', messages: user }));
    expect(html).toBeInstanceOf(InternalServerError);
    expect(html).toMatchObject({ status: 503 });
  });

  it('is masked wherever an upstream error would have echoed it', async () => {
    const r = await rig({
      kind: 'error',
      status: 401,
      body: {
        error: {
          message: `Incorrect API key provided: ${LEARNER_KEY}.`,
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      },
    });
    const raw = await fetch(`${r.app.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${LEARNER_KEY}` },
      body: JSON.stringify({ model: 'gpt-4o', messages: user }),
    });
    const text = await raw.text();
    expect(raw.status).toBe(401);
    expect(text).not.toContain(LEARNER_KEY);
    expect(text).toContain('sk-lear*****6789');
    raw.headers.forEach((value) => expect(value).not.toContain(LEARNER_KEY));
    expect(await failure(own(r).chat.completions.create({ model: 'gpt-4o', messages: user }))).toBeInstanceOf(
      AuthenticationError,
    );
  });
});

describe('timeouts and retries', () => {
  it('gives up at the first-byte timeout with a 504, without retrying a stall', async () => {
    const r = await rig({ kind: 'hang' }, { upstream: { firstByteTimeoutMs: 300 } });
    const started = performance.now();
    const error = await failure(own(r).chat.completions.create({ model: 'gpt-4o', messages: user }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 504, code: 'upstream_timeout' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(r.fake.requests).toHaveLength(1);
    await r.fake.nextCancel();
  });

  it('retries a dropped connection before the first byte, then reports it unreachable', async () => {
    const r = await rig({ kind: 'drop' }, { upstream: { retries: 1 } });
    const error = await failure(own(r).chat.completions.create({ model: 'gpt-4o', messages: user }));
    expect(error).toMatchObject({ status: 502, code: 'upstream_unreachable' });
    expect(r.fake.requests).toHaveLength(2);
    // Once the upstream answers again, so does the proxy.
    r.fake.behaviour = { kind: 'answer' };
    await expect(own(r).chat.completions.create({ model: 'gpt-4o', messages: user })).resolves.toBeTruthy();
  });

  it('breaks a stream off at the total timeout, after passing on what arrived', async () => {
    const r = await rig(
      { kind: 'answer', pieces: Array.from({ length: 40 }, (_, i) => ` w${i}`), chunkDelayMs: 50 },
      { upstream: { totalTimeoutMs: 600 } },
    );
    const stream = await own(r).chat.completions.create({ model: 'gpt-4o', messages: user, stream: true });
    const received: string[] = [];
    const broke = await (async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(broke).toBeInstanceOf(Error);
    expect(received.length).toBeGreaterThan(3);
    expect(received.length).toBeLessThan(40);
  });
});

describe('a client that goes away', () => {
  it('aborts the upstream request while waiting for an answer', async () => {
    const r = await rig({ kind: 'hang' });
    const controller = new AbortController();
    const cancelled = r.fake.nextCancel();
    const call = failure(
      own(r).chat.completions.create({ model: 'gpt-4o', messages: user }, { signal: controller.signal }),
    );
    await vi.waitFor(() => expect(r.fake.requests).toHaveLength(1));
    controller.abort();
    expect(await call).toBeInstanceOf(APIUserAbortError);
    await cancelled;
    expect(r.fake.cancelled).toBe(1);
  });

  it('aborts the upstream stream when the reader stops early', async () => {
    const r = await rig({
      kind: 'answer',
      pieces: Array.from({ length: 100 }, (_, i) => ` w${i}`),
      chunkDelayMs: 30,
    });
    const cancelled = r.fake.nextCancel();
    const stream = await own(r).chat.completions.create({ model: 'gpt-4o', messages: user, stream: true });
    let seen = 0;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content && ++seen === 3) break;
    }
    await cancelled;
    expect(r.fake.cancelled).toBe(1);
  });
});

describe("the server's key, for runner tokens when live runs are on", () => {
  const live = (budget = 100_000_000, maxOutputTokens = 4_096) => ({
    liveRunsForGuests: true,
    upstream: { serverKey: SERVER_KEY },
    limits: { dailyTokenBudget: budget, maxOutputTokens },
  });
  const runner = async (r: Rig) => {
    const session = (await (await fetch(`${r.app.origin}/api/session`, { method: 'POST' })).json()) as {
      token: string;
      backend: string;
    };
    expect(session.backend).toBe('upstream');
    return new OpenAI({ apiKey: session.token, baseURL: r.app.baseURL, maxRetries: 0 });
  };

  it('pays for runner tokens, with the output capped to this server’s limit', async () => {
    const r = await rig({ kind: 'answer' }, live());
    const client = await runner(r);
    const { response } = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: user })
      .withResponse();
    expect(response.headers.get('x-tokenwise-backend')).toBe('upstream');
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('1000');
    expect(r.fake.requests[0]!.headers.authorization).toBe(`Bearer ${SERVER_KEY}`);
    expect(r.fake.requests[0]!.body.max_completion_tokens).toBe(4_096);
    const tooMuch = await failure(
      client.chat.completions.create({ model: 'gpt-4o-mini', messages: user, max_completion_tokens: 5_000 }),
    );
    expect(tooMuch).toBeInstanceOf(BadRequestError);
    expect(tooMuch).toMatchObject({ param: 'max_completion_tokens', code: 'invalid_value' });
    expect(r.fake.requests).toHaveLength(1);
    // A drill, or the sandbox header, never spends the server's key.
    await client.chat.completions.create(
      { model: 'gpt-4o-mini', messages: user },
      { headers: { 'x-tokenwise-backend': 'sandbox' } },
    );
    expect(r.fake.requests).toHaveLength(1);
  });

  it('20 concurrent requests against a daily budget that fits 2 reach the upstream at most twice', async () => {
    // Each request reserves its prompt (10 tokens) plus its cap (100): a budget of 250 fits two.
    const r = await rig({ kind: 'answer', headersDelayMs: 300 }, live(250, 100));
    const client = await runner(r);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        client.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'Hi' }],
          max_completion_tokens: 100,
        }),
      ),
    );
    const ok = results.filter((x) => x.status === 'fulfilled');
    const refused = results.flatMap((x) => (x.status === 'rejected' ? [x.reason as RateLimitError] : []));
    expect(ok).toHaveLength(2);
    expect(r.fake.requests.length).toBeLessThanOrEqual(2);
    expect(refused).toHaveLength(18);
    for (const error of refused) {
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ code: 'daily_budget_exceeded' });
      expect(error.headers.get('x-should-retry')).toBe('false');
    }
  });
});
