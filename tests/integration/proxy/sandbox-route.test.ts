import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from 'openai';
import { Ajv2020 } from 'ajv/dist/2020';
import { encode } from 'gpt-tokenizer/model/gpt-4o';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxy } from '@/lib/proxy/proxy';
import { issueRunnerToken } from '@/lib/auth/runner-token';
import { assertMatches } from '../../support/openapi';
import { testConfig } from '../../support/proxy-config';
import { serveRoutes, type ServedApp } from '../../support/serve-routes';

/**
 * The sandbox behind the real route handlers, over real HTTP, driven by the real `openai` SDK: what a lesson's
 * code sees when it runs with no key and no network.
 */
const RECORDED = 'Explain quantum entanglement in one sentence.';
const VARIANTS = [
  'Variant zero about entanglement.',
  'Variant one: two particles share one state.',
  'Variant two: measuring one tells you the other.',
];
const SECRET = 'test-secret-test-secret-test-secret!';

let app: ServedApp;
let token: string;
let client: OpenAI;

/** What OpenAI bills for plain messages: 3 per message, the tokens of role, content and name, 1 per name, 3 to prime. */
function billedPromptTokens(messages: { role: string; content: string; name?: string }[]): number {
  return (
    messages.reduce(
      (sum, m) =>
        sum + 3 + encode(m.role).length + encode(m.content).length + (m.name ? encode(m.name).length + 1 : 0),
      0,
    ) + 3
  );
}

beforeAll(async () => {
  app = await serveRoutes(
    createProxy(
      testConfig({
        runnerTokens: { secret: SECRET },
        sandbox: { recordings: new Map([[RECORDED, { replies: VARIANTS, source: 'test' }]]) },
        limits: { maxBodyBytes: 4 * 1024 * 1024, maxMessageChars: 1_000_000 },
      }),
    ),
  );
  const session = await fetch(`${app.origin}/api/session`, { method: 'POST' });
  token = ((await session.json()) as { token: string }).token;
  client = new OpenAI({ apiKey: token, baseURL: app.baseURL, maxRetries: 0 });
});

afterAll(() => app?.close());

describe('a runner token', () => {
  it('comes from POST /api/session, recognisable, expiring, with the backend and limits', async () => {
    const response = await fetch(`${app.origin}/api/session`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as {
      token: string;
      expiresAt: string;
      backend: string;
      limits: Record<string, unknown>;
    };
    expect(body.token).toMatch(/^tw_rt_[\w-]+\.[\w-]+$/);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    expect(body.backend).toBe('sandbox');
    expect(body.limits).toMatchObject({
      requestsPerMinute: 1000,
      tokensPerMinute: 1_000_000,
      maxOutputTokens: 4096,
    });
  });
});

describe('chat completions from the sandbox', () => {
  const messages = [
    { role: 'system' as const, content: 'Answer like a pirate.' },
    { role: 'user' as const, content: 'What is the capital of France?', name: 'ada' },
  ];

  it('answers in the API shape, says it is the sandbox, restates the question and the instruction', async () => {
    const { data, response, request_id } = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages })
      .withResponse();
    assertMatches('CreateChatCompletionResponse', data);
    const content = data.choices[0]!.message.content!;
    expect(content).toMatch(/sandbox/i);
    expect(content).toContain('What is the capital of France?');
    expect(content).toContain('Answer like a pirate.');
    expect(data.system_fingerprint).toBe('sandbox');
    expect(data.choices[0]!.finish_reason).toBe('stop');
    expect(response.headers.get('x-tokenwise-backend')).toBe('sandbox');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(request_id).toBe(response.headers.get('x-request-id'));
    for (const name of [
      'limit-requests',
      'remaining-requests',
      'reset-requests',
      'limit-tokens',
      'remaining-tokens',
      'reset-tokens',
    ]) {
      expect(response.headers.get(`x-ratelimit-${name}`), name).toBeTruthy();
    }
  });

  it('counts usage as OpenAI bills it: the prompt (names included) and exactly the returned tokens', async () => {
    const data = await client.chat.completions.create({ model: 'gpt-4o', messages });
    const content = data.choices[0]!.message.content!;
    expect(data.usage!.prompt_tokens).toBe(billedPromptTokens(messages));
    expect(data.usage!.completion_tokens).toBe(encode(content).length);
    expect(data.usage!.total_tokens).toBe(data.usage!.prompt_tokens + data.usage!.completion_tokens);
    expect(data.usage!.completion_tokens_details?.reasoning_tokens).toBe(0);
  });

  it('is deterministic for (model, messages, seed), and temperature 0 never varies', async () => {
    const ask = (extra: object) =>
      client.chat.completions
        .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Tell me something.' }], ...extra })
        .then((r) => r.choices[0]!.message.content);
    expect(await ask({ seed: 7 })).toBe(await ask({ seed: 7 }));
    const coldOnes = new Set(
      await Promise.all([1, 2, 3, 4, 5, 6].map((seed) => ask({ temperature: 0, seed }))),
    );
    expect(coldOnes.size).toBe(1);
    const warmOnes = new Set(
      await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => ask({ temperature: 1.2, seed }))),
    );
    expect(warmOnes.size).toBeGreaterThan(1);
  });

  it("answers a lesson's own prompt with its recording: variant 0 at temperature 0, others across seeds", async () => {
    const ask = (extra: object) =>
      client.chat.completions
        .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `  ${RECORDED}\n` }], ...extra })
        .then((r) => r.choices[0]!.message.content!);
    expect(await ask({ temperature: 0 })).toBe(VARIANTS[0]);
    const seen = new Set(
      await Promise.all(Array.from({ length: 12 }, (_, seed) => ask({ temperature: 1, seed }))),
    );
    for (const reply of seen) expect(VARIANTS).toContain(reply);
    expect(seen.size).toBeGreaterThan(1);
    const three = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: RECORDED }],
      n: 3,
      temperature: 0,
    });
    expect(three.choices.map((c) => c.message.content)).toEqual([VARIANTS[0], VARIANTS[0], VARIANTS[0]]);
  });

  it('cuts at max_completion_tokens on a token boundary with finish_reason "length"', async () => {
    const full = (await client.chat.completions.create({ model: 'gpt-4o', messages })).choices[0]!.message
      .content!;
    const cut = await client.chat.completions.create({ model: 'gpt-4o', messages, max_completion_tokens: 5 });
    expect(cut.choices[0]!.finish_reason).toBe('length');
    expect(cut.usage!.completion_tokens).toBe(5);
    expect(encode(cut.choices[0]!.message.content!)).toEqual(encode(full).slice(0, 5));
    const deprecated = await client.chat.completions.create({ model: 'gpt-4o', messages, max_tokens: 3 });
    expect(deprecated.usage!.completion_tokens).toBe(3);
  });

  it('stops before a stop sequence and returns n choices', async () => {
    const full = (await client.chat.completions.create({ model: 'gpt-4o', messages })).choices[0]!.message
      .content!;
    const stopped = await client.chat.completions.create({
      model: 'gpt-4o',
      messages,
      stop: ['capital', 'zzz'],
    });
    expect(stopped.choices[0]!.message.content).toBe(full.slice(0, full.indexOf('capital')));
    expect(stopped.choices[0]!.finish_reason).toBe('stop');
    const many = await client.chat.completions.create({ model: 'gpt-4o', messages, n: 3, seed: 1 });
    expect(many.choices.map((c) => c.index)).toEqual([0, 1, 2]);
    const sum = many.choices.reduce((s, c) => s + encode(c.message.content!).length, 0);
    expect(many.usage!.completion_tokens).toBe(sum);
    assertMatches('CreateChatCompletionResponse', many);
  });

  it('streams as SSE: every chunk matches the spec, the text equals the JSON answer, usage comes last', async () => {
    const full = (await client.chat.completions.create({ model: 'gpt-4o', messages, seed: 3 })).choices[0]!
      .message.content!;
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages,
      seed: 3,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    for (const chunk of chunks) assertMatches('CreateChatCompletionStreamResponse', chunk);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(full);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage!.completion_tokens).toBe(encode(full).length);
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    const closing = chunks.at(-2)!;
    expect(closing.choices[0]!.delta).toEqual({});
    expect(closing.choices[0]!.finish_reason).toBe('stop');
  });

  it('streams without usage unless asked, and stops a stream at the cap with "length"', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages,
      stream: true,
      max_completion_tokens: 4,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((c) => !('usage' in c))).toBe(true);
    expect(chunks.filter((c) => c.choices[0]?.delta.content).length).toBeLessThanOrEqual(4);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('length');
  });
});

describe('tools and structured output', () => {
  const weather = {
    type: 'function' as const,
    function: {
      name: 'get_weather',
      description: 'Get the current weather for a city',
      parameters: {
        type: 'object',
        properties: {
          city: { type: 'string' },
          unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
          days: { type: 'integer', minimum: 1, maximum: 7 },
        },
        required: ['city', 'unit', 'days'],
        additionalProperties: false,
      },
      strict: true,
    },
  };
  const ajv = new Ajv2020({ strict: false });
  const question = {
    role: 'user' as const,
    content: 'What is the weather in New York for the next 3 days, in fahrenheit?',
  };

  it('calls a tool with arguments that parse and validate, content null, finish_reason "tool_calls"', async () => {
    const data = await client.chat.completions.create({
      model: 'gpt-4.1',
      messages: [question],
      tools: [weather],
    });
    assertMatches('CreateChatCompletionResponse', data);
    const choice = data.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    const call = choice.message.tool_calls![0]!;
    expect(call.type).toBe('function');
    if (call.type !== 'function') return;
    expect(call.function.name).toBe('get_weather');
    const args = JSON.parse(call.function.arguments) as unknown;
    expect(ajv.validate(weather.function.parameters, args), JSON.stringify(ajv.errors)).toBe(true);
    expect(args).toEqual({ city: 'New York', unit: 'fahrenheit', days: 3 });
    expect(data.usage!.completion_tokens).toBeGreaterThan(0);

    // The tool's result goes back; the sandbox answers in text.
    const followUp = await client.chat.completions.create({
      model: 'gpt-4.1',
      tools: [weather],
      messages: [
        question,
        choice.message,
        { role: 'tool', tool_call_id: call.id, content: '{"temperature": 71}' },
      ],
    });
    expect(followUp.choices[0]!.finish_reason).toBe('stop');
    expect(followUp.choices[0]!.message.content).toContain('get_weather returned {"temperature": 71}');
  });

  it('streams a tool call whose pieces add up to valid arguments, and respects tool_choice', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4.1',
      messages: [question],
      tools: [weather],
      stream: true,
    });
    let args = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      assertMatches('CreateChatCompletionStreamResponse', chunk);
      args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(ajv.validate(weather.function.parameters, JSON.parse(args))).toBe(true);
    expect(finish).toBe('tool_calls');
    const none = await client.chat.completions.create({
      model: 'gpt-4.1',
      messages: [question],
      tools: [weather],
      tool_choice: 'none',
    });
    expect(none.choices[0]!.message.tool_calls).toBeUndefined();
    const unrelated = { role: 'user' as const, content: 'Write a haiku about autumn.' };
    const auto = await client.chat.completions.create({
      model: 'gpt-4.1',
      messages: [unrelated],
      tools: [weather],
    });
    expect(auto.choices[0]!.finish_reason).toBe('stop');
    const forced = await client.chat.completions.create({
      model: 'gpt-4.1',
      messages: [unrelated],
      tools: [weather],
      tool_choice: 'required',
    });
    // A forced call (tool_choice required or named) reports "stop", as the API does; the call itself is there.
    expect(forced.choices[0]!.message.tool_calls).toHaveLength(1);
    expect(forced.choices[0]!.finish_reason).toBe('stop');
  });

  it('writes JSON for json_object, and refuses json_object without the word "json" as the API does', async () => {
    const data = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'List two colours as JSON.' }],
      response_format: { type: 'json_object' },
    });
    expect(typeof JSON.parse(data.choices[0]!.message.content!)).toBe('object');
    const error = await client.chat.completions
      .create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'List two colours.' }],
        response_format: { type: 'json_object' },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('messages');
  });

  it('writes output that validates against a strict json_schema, and refuses a schema strict mode cannot use', async () => {
    const schema = {
      type: 'object',
      properties: {
        answer: { type: 'string' },
        confidence: { type: 'number', minimum: 0, maximum: 1 },
        sources: {
          type: 'array',
          items: {
            type: 'object',
            properties: { title: { type: 'string' } },
            required: ['title'],
            additionalProperties: false,
          },
          minItems: 2,
        },
        tone: { anyOf: [{ type: 'string', enum: ['formal', 'casual'] }, { type: 'null' }] },
      },
      required: ['answer', 'confidence', 'sources', 'tone'],
      additionalProperties: false,
    };
    const data = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Why is the sky blue?' }],
      response_format: { type: 'json_schema', json_schema: { name: 'explanation', schema, strict: true } },
    });
    const value = JSON.parse(data.choices[0]!.message.content!) as { answer: string };
    expect(ajv.validate(schema, value), JSON.stringify(ajv.errors)).toBe(true);
    expect(value.answer).toMatch(/sandbox/i);

    const loose = { ...schema, additionalProperties: true };
    const error = await client.chat.completions
      .create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Why is the sky blue?' }],
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'explanation', schema: loose, strict: true },
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('response_format');
    expect((error as BadRequestError).message).toMatch(/additionalProperties/);
  });
});

describe('errors, each as the SDK raises it', () => {
  const user = [{ role: 'user' as const, content: 'Hi' }];
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e,
    );

  it('404 model_not_found for an unknown model', async () => {
    const error = await failure(client.chat.completions.create({ model: 'gpt-9', messages: user }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'model_not_found' });
    expect((error as NotFoundError).message).toContain('The model `gpt-9` does not exist');
  });

  it.each([
    [{ model: 'gpt-5', max_tokens: 10 }, 'max_tokens', 'unsupported_parameter'],
    [{ model: 'gpt-5', temperature: 0.2 }, 'temperature', 'unsupported_value'],
    [{ model: 'gpt-4o', max_completion_tokens: 20_000 }, 'max_completion_tokens', 'invalid_value'],
    [{ model: 'gpt-4o', temperature: 3 }, 'temperature', 'decimal_above_max_value'],
    [{ model: 'gpt-4o', top_p: -0.5 }, 'top_p', 'decimal_below_min_value'],
    [{ model: 'gpt-4o', n: 0 }, 'n', 'integer_below_min_value'],
    [{ model: 'gpt-4o', presence_penalty: 2.5 }, 'presence_penalty', 'decimal_above_max_value'],
    [{ model: 'gpt-4o', top_logprobs: 21, logprobs: true }, 'top_logprobs', 'integer_above_max_value'],
    [{ model: 'gpt-4o', stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop', 'array_above_max_length'],
    [{ model: 'gpt-4o', messages: [] }, 'messages', 'empty_array'],
    [{ model: 'gpt-4o', messages: [{ role: 'wizard', content: 'x' }] }, 'messages[0].role', 'invalid_value'],
    [{ model: 'gpt-4o', temperature: 'warm' }, 'temperature', 'invalid_type'],
    [{ model: 'gpt-4o', frobnicate: true }, 'frobnicate', 'unknown_parameter'],
    [{ messages: user }, 'model', 'missing_required_parameter'],
    [{ model: 'gpt-4o', n: 9 }, 'n', 'integer_above_max_value'],
    [{ model: 'gpt-4o', stream_options: { include_usage: true } }, 'stream_options', 'invalid_value'],
    [{ model: 'gpt-4o', tool_choice: 'auto' }, 'tool_choice', null],
  ])('400 for %j: param %s, code %s', async (params, param, code) => {
    const error = await failure(client.chat.completions.create({ messages: user, ...params } as never));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, param, code, type: 'invalid_request_error' });
  });

  it('400 context_length_exceeded when input plus cap is over the window', async () => {
    const long = Array.from({ length: 30_000 }, (_, i) => `w${i}`).join(' ');
    const error = await failure(
      client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: `${long} ${long}` }],
        max_completion_tokens: 16_000,
      }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, param: 'messages', code: 'context_length_exceeded' });
    expect((error as BadRequestError).message).toMatch(/maximum context length is 128000 tokens/);
  });

  it('401 in OpenAI words for a missing key, a forged token and an expired one; the token never echoed whole', async () => {
    const missing = await fetch(`${app.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(
      /^You didn't provide an API key/,
    );

    const forged = `${token.slice(0, -4)}AAAA`;
    const error = await failure(
      new OpenAI({ apiKey: forged, baseURL: app.baseURL, maxRetries: 0 }).chat.completions.create({
        model: 'gpt-4o',
        messages: user,
      }),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect((error as Error).message).not.toContain(forged);
    expect((error as Error).message).toContain(`${forged.slice(0, 7)}*****${forged.slice(-4)}`);

    const old = issueRunnerToken(SECRET, {
      ttlSeconds: 60,
      rpm: 10,
      tpm: 1000,
      now: Math.floor(Date.now() / 1000) - 3600,
    }).token;
    const expired = await failure(
      new OpenAI({ apiKey: old, baseURL: app.baseURL, maxRetries: 0 }).chat.completions.create({
        model: 'gpt-4o',
        messages: user,
      }),
    );
    expect(expired).toBeInstanceOf(AuthenticationError);
    expect(expired).toMatchObject({ code: 'expired_api_key' });
  });

  it('drill 401, 500 and an unknown drill: the right classes, each saying it is a drill', async () => {
    const drill = (kind: string) =>
      failure(
        client.chat.completions.create(
          { model: 'gpt-4o', messages: user },
          { headers: { 'x-tokenwise-drill': kind } },
        ),
      );
    const unauthorised = await drill('401');
    expect(unauthorised).toBeInstanceOf(AuthenticationError);
    expect(unauthorised).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect((unauthorised as Error).message).toMatch(/drill/);
    const broken = await drill('500');
    expect(broken).toBeInstanceOf(InternalServerError);
    expect(broken).toMatchObject({ status: 500, type: 'server_error' });
    expect(await drill('tsunami')).toMatchObject({
      status: 400,
      param: 'x-tokenwise-drill',
      code: 'invalid_value',
    });
  });

  it('drill 429 carries retry-after and x-ratelimit-*, and the SDK retries honouring retry-after-ms', async () => {
    const error = await failure(
      client.chat.completions.create(
        { model: 'gpt-4o', messages: user },
        { headers: { 'x-tokenwise-drill': '429' } },
      ),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    const rateLimited = error as RateLimitError;
    expect(rateLimited).toMatchObject({ status: 429, code: 'rate_limit_exceeded', type: 'requests' });
    expect(rateLimited.headers.get('retry-after')).toBe('1');
    expect(rateLimited.headers.get('retry-after-ms')).toBe('200');
    expect(rateLimited.headers.get('x-ratelimit-remaining-requests')).toBe('0');

    const attempts: number[] = [];
    const counting = new OpenAI({
      apiKey: token,
      baseURL: app.baseURL,
      maxRetries: 2,
      fetch: (url, init) => {
        attempts.push(performance.now());
        return fetch(url, init);
      },
    });
    const started = performance.now();
    const retried = await failure(
      counting.chat.completions.create(
        { model: 'gpt-4o', messages: user },
        { headers: { 'x-tokenwise-drill': '429' } },
      ),
    );
    const elapsed = performance.now() - started;
    expect(retried).toBeInstanceOf(RateLimitError);
    expect(attempts).toHaveLength(3);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(195);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(195);
    // The SDK's own backoff would wait at least 375 ms, then 750 ms: the 200 ms came from the header.
    expect(elapsed).toBeLessThan(1_100);
  });

  it('drill timeout: no answer ever starts, so the SDK times out', async () => {
    const started = performance.now();
    const error = await failure(
      client.chat.completions.create(
        { model: 'gpt-4o', messages: user },
        { headers: { 'x-tokenwise-drill': 'timeout' }, timeout: 400 },
      ),
    );
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('drill dropped: a JSON answer never arrives; a stream delivers its first chunks, then breaks off', async () => {
    const dropped = await failure(
      client.chat.completions.create(
        { model: 'gpt-4o', messages: user },
        { headers: { 'x-tokenwise-drill': 'dropped' } },
      ),
    );
    expect(dropped).toBeInstanceOf(APIConnectionError);
    const stream = await client.chat.completions.create(
      { model: 'gpt-4o', messages: user, stream: true },
      { headers: { 'x-tokenwise-drill': 'dropped' } },
    );
    const received: string[] = [];
    const broke = await (async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(broke).toBeInstanceOf(Error);
    expect(received.length).toBeGreaterThanOrEqual(2);
  });

  it("a learner's own key with no reachable upstream: a quick 502 saying so, not a hang", async () => {
    const own = new OpenAI({ apiKey: 'sk-learner-0123456789abcdef', baseURL: app.baseURL, maxRetries: 0 });
    const started = performance.now();
    const error = await failure(own.chat.completions.create({ model: 'gpt-4o', messages: user }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, code: 'upstream_unreachable' });
    expect(performance.now() - started).toBeLessThan(3_000);
    // A drill or the sandbox header serves the same key from the sandbox instead.
    const sandboxed = await own.chat.completions
      .create({ model: 'gpt-4o', messages: user }, { headers: { 'x-tokenwise-backend': 'sandbox' } })
      .withResponse();
    expect(sandboxed.response.headers.get('x-tokenwise-backend')).toBe('sandbox');
  });
});

describe('models', () => {
  it('lists the allow-list and retrieves one; an unknown one is a 404', async () => {
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-5', 'gpt-5-mini']);
    expect((await client.models.retrieve('gpt-5')).id).toBe('gpt-5');
    await expect(client.models.retrieve('gpt-3')).rejects.toBeInstanceOf(NotFoundError);
  });
});
