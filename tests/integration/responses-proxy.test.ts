import OpenAI from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueRunnerToken } from '@/lib/auth/runner-token';
import { memoryResponsesStore, StoreUnavailableError, type ResponsesStore } from '@/lib/backends/sandbox';
import { createProxy } from '@/lib/proxy/proxy';
import { assertMatches } from '../support/openapi';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { testConfig } from '../support/proxy-config';
import { serveRoutes, type ServedApp } from '../support/serve-routes';

/**
 * `/api/v1/responses` through the app's own route modules over HTTP, driven by the real SDK: the sandbox path with
 * runner tokens (stored conversations, streams, tools, structured output, cuts, deletes, callers kept apart, a
 * database that is down) and the own-key path to a fake upstream on loopback (pass-through, errors, key hygiene,
 * cancellation). Schemas checked against the spec: `Response`, `ResponseItemList`, `ResponseCreatedEvent`,
 * `ResponseTextDeltaEvent`, `ResponseCompletedEvent`, `ResponseIncompleteEvent`, and the error `ErrorResponse`.
 */
const MODEL = 'gpt-4o-mini';
const KEY = 'sk-learner-RESPONSES-secret-0123456789';
const open: ServedApp[] = [];
const fakes: FakeUpstream[] = [];
afterAll(async () => {
  await Promise.all(open.map((a) => a.close()));
  await Promise.all(fakes.map((f) => f.close()));
});

async function rig(options: { store?: ResponsesStore; upstream?: string } = {}) {
  const logs: Record<string, unknown>[] = [];
  const config = testConfig({
    log: ((entry: Record<string, unknown>) => logs.push(entry)) as never,
    ...(options.upstream ? { upstream: { baseURL: options.upstream } } : {}),
  });
  config.sandbox.responses = { store: options.store ?? memoryResponsesStore() };
  const app = await serveRoutes(createProxy(config));
  open.push(app);
  const runner = () => {
    const { token } = issueRunnerToken(config.runnerTokens.secret, { ttlSeconds: 600, rpm: 1_000, tpm: 1_000_000 });
    return new OpenAI({ apiKey: token, baseURL: app.baseURL, maxRetries: 0 });
  };
  return { app, logs, runner, config };
}

const weather = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Current weather in a city',
  strict: true,
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
};

describe('Responses on the sandbox, through the proxy', () => {
  it('creates a response that says it is the sandbox, with usage, and chains three turns', async () => {
    const { runner } = await rig();
    const client = runner();
    const { data: first, response: raw } = await client.responses
      .create({ model: MODEL, input: 'My name is Ada.', instructions: 'Answer briefly.' })
      .withResponse();
    assertMatches('Response', first);
    expect(raw.headers.get('x-tokenwise-backend')).toBe('sandbox');
    expect(first.id).toMatch(/^resp_sandbox/);
    expect(first.output_text).toMatch(/sandbox/i);
    expect(raw.headers.get('x-ratelimit-remaining-tokens')).not.toBeNull();
    const second = await client.responses.create({ model: MODEL, input: 'What is my name?', previous_response_id: first.id });
    const third = await client.responses.create({ model: MODEL, input: 'Once more.', previous_response_id: second.id });
    assertMatches('Response', third);
    // Every earlier turn is input again (FACTS-COURSE X7).
    expect(third.usage!.input_tokens).toBeGreaterThan(second.usage!.input_tokens + second.usage!.output_tokens);
    const items = await fetch(`${client.baseURL}/responses/${third.id}/input_items?order=asc`, {
      headers: { authorization: `Bearer ${client.apiKey}` },
    });
    const list: unknown = await items.json();
    assertMatches('ResponseItemList', list);
    expect(list).toMatchObject({ object: 'list', data: [{ type: 'message', role: 'user' }], has_more: false });
  });

  it('keeps each caller to its own responses: another runner gets 404 for GET, DELETE and previous_response_id', async () => {
    const { runner } = await rig();
    const mine = runner();
    const theirs = runner();
    const created = await mine.responses.create({ model: MODEL, input: 'Hello' });
    await expect(theirs.responses.retrieve(created.id)).rejects.toMatchObject({ status: 404 });
    await expect(theirs.responses.delete(created.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      theirs.responses.create({ model: MODEL, input: 'Go on', previous_response_id: created.id }),
    ).rejects.toMatchObject({ status: 400, code: 'previous_response_not_found' });
    assertMatches('Response', await mine.responses.retrieve(created.id));
    await mine.responses.delete(created.id);
    await expect(mine.responses.retrieve(created.id)).rejects.toMatchObject({ status: 404 });
  });

  it('streams the documented events, and responses.stream() gives the final response', async () => {
    const { runner } = await rig();
    const client = runner();
    const stream = await client.responses.create({ model: MODEL, input: 'Say hello.', stream: true });
    const types: string[] = [];
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.created') assertMatches('ResponseCreatedEvent', event);
      if (event.type === 'response.output_text.delta') assertMatches('ResponseTextDeltaEvent', event);
      if (event.type === 'response.completed') assertMatches('ResponseCompletedEvent', event);
    }
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    const final = await client.responses.stream({ model: MODEL, input: 'Say hello.' }).finalResponse();
    expect(final.output_text.length).toBeGreaterThan(0);
  });

  it('runs a tool loop, parses text.format with zodTextFormat, and cuts at max_output_tokens', async () => {
    const { runner } = await rig();
    const client = runner();
    const asked = await client.responses.create({ model: MODEL, input: 'Weather in Oslo?', tools: [weather] });
    const call = asked.output.find((item) => item.type === 'function_call');
    if (call?.type !== 'function_call') throw new Error('no function call');
    const answered = await client.responses.create({
      model: MODEL,
      previous_response_id: asked.id,
      tools: [weather],
      input: [{ type: 'function_call_output', call_id: call.call_id, output: '{"temp_c":4}' }],
    });
    expect(answered.output_text).toContain('temp_c');

    const Answer = z.object({ city: z.string(), temp_c: z.number() });
    const parsed = await client.responses.parse({ model: MODEL, input: 'Oslo weather as JSON', text: { format: zodTextFormat(Answer, 'answer') } });
    expect(Answer.safeParse(parsed.output_parsed).success).toBe(true);

    const stream = await client.responses.create({
      model: MODEL,
      input: 'Write a long story about the sea and a lighthouse keeper.',
      max_output_tokens: 16,
      stream: true,
    });
    let last: { type: string } | undefined;
    for await (const event of stream) last = event;
    assertMatches('ResponseIncompleteEvent', last);
    expect(last).toMatchObject({ type: 'response.incomplete', response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } } });
  });

  it('refuses in the API envelope: max_output_tokens below 16, unknown parameters, built-in tools', async () => {
    const { runner } = await rig();
    const client = runner();
    const low = await fetch(`${client.baseURL}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, input: 'hi', max_output_tokens: 8 }),
    });
    expect(low.status).toBe(400);
    const body: unknown = await low.json();
    assertMatches('ErrorResponse', body);
    expect(body).toMatchObject({ error: { param: 'max_output_tokens' } });
    await expect(client.responses.create({ model: MODEL, input: 'hi', n: 2 } as never)).rejects.toMatchObject({ status: 400 });
    await expect(
      client.responses.create({ model: MODEL, input: 'search', tools: [{ type: 'file_search', vector_store_ids: ['vs_1'] }] }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('own API key') });
  });

  it('drills work as on chat completions: 429 with retry headers, a refusal part, an unknown drill is a 400', async () => {
    const { runner } = await rig();
    const client = runner();
    const drill = (kind: string) => ({ headers: { 'x-tokenwise-drill': kind } });
    const limited = await client.responses.create({ model: MODEL, input: 'hi' }, drill('429')).catch((e: unknown) => e);
    expect(limited).toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
    expect((limited as { headers: Headers }).headers.get('retry-after-ms')).toBe('200');
    const refused = await client.responses.create({ model: MODEL, input: 'hi' }, drill('refusal'));
    assertMatches('Response', refused);
    expect(refused.output[0]).toMatchObject({ type: 'message', content: [{ type: 'refusal' }] });
    expect(refused.output_text).toBe('');
    await expect(client.responses.create({ model: MODEL, input: 'hi' }, drill('nope'))).rejects.toMatchObject({ status: 400 });
  });

  it('a database that is down: 503 in the envelope to store or continue, while store:false still answers', async () => {
    const down: ResponsesStore = {
      save: () => Promise.reject(new StoreUnavailableError()),
      get: () => Promise.reject(new StoreUnavailableError()),
      delete: () => Promise.reject(new StoreUnavailableError()),
      sweep: () => Promise.reject(new StoreUnavailableError()),
    };
    const { runner } = await rig({ store: down });
    const client = runner();
    await expect(client.responses.create({ model: MODEL, input: 'hi' })).rejects.toMatchObject({ status: 503, code: 'store_unavailable' });
    await expect(
      client.responses.create({ model: MODEL, input: 'hi', store: false, previous_response_id: 'resp_x' }),
    ).rejects.toMatchObject({ status: 503 });
    const unstored = await client.responses.create({ model: MODEL, input: 'hi', store: false });
    expect(unstored.status).toBe('completed');
  });
});

describe('Responses with an own key, upstream', () => {
  it('passes every field through unchanged, maps errors, never logs the key, and cancels the upstream on disconnect', async () => {
    const fake = await startFakeUpstream({ kind: 'answer' });
    fakes.push(fake);
    const { app, logs } = await rig({ upstream: fake.url });
    const body = {
      model: MODEL,
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'hi' }] }],
      tools: [{ type: 'web_search' }],
      reasoning: { effort: 'low', summary: 'auto' },
      include: ['web_search_call.action.sources'],
      a_parameter_from_the_future: { x: 1 },
      previous_response_id: 'resp_upstream_1',
    };
    const sent = await fetch(`${app.baseURL}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(sent.status).toBe(200);
    expect(sent.headers.get('x-tokenwise-backend')).toBe('upstream');
    const got = fake.requests.at(-1)!;
    expect(got.path).toBe('/v1/responses');
    expect(got.body).toEqual(body);
    expect(got.headers.authorization).toBe(`Bearer ${KEY}`);

    const client = new OpenAI({ apiKey: KEY, baseURL: app.baseURL, maxRetries: 0 });
    await client.responses.retrieve('resp_upstream_1').catch(() => {});
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/responses/resp_upstream_1' });
    await client.responses.delete('resp_upstream_1').catch(() => {});
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/v1/responses/resp_upstream_1' });

    fake.behaviour = {
      kind: 'error',
      status: 400,
      body: { error: { message: `Previous response with id 'resp_zz' not found. (key ${KEY})`, type: 'invalid_request_error', param: 'previous_response_id', code: 'previous_response_not_found' } },
    };
    const error = await client.responses.create({ model: MODEL, input: 'x', previous_response_id: 'resp_zz' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'previous_response_not_found', param: 'previous_response_id' });
    expect(String((error as Error).message)).not.toContain(KEY);

    fake.behaviour = { kind: 'answer', chunkDelayMs: 200, pieces: Array.from({ length: 50 }, () => 'x') };
    const cancelled = fake.nextCancel();
    const abort = new AbortController();
    const streaming = await fetch(`${app.baseURL}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, input: 'long', stream: true }),
      signal: abort.signal,
    });
    const reader = streaming.body!.getReader();
    await reader.read();
    abort.abort();
    await cancelled;
    expect(fake.cancelled).toBeGreaterThan(0);

    expect(JSON.stringify(logs)).not.toContain(KEY);
    expect(logs.some((l) => l.route === 'responses' && l.caller === 'own-key')).toBe(true);
  });
});
