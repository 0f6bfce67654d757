import OpenAI, { BadRequestError, PermissionDeniedError } from 'openai';
import { zodFunction, zodResponseFormat } from 'openai/helpers/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createProxy } from '@/lib/proxy/proxy';
import { assertMatches } from '../support/openapi';
import { testConfig } from '../support/proxy-config';
import { serveRoutes, type ServedApp } from '../support/serve-routes';
import { cpuClock } from '../unit/sandbox/cpu-time';

/**
 * What lessons 3, 5, 7 and 8 teach, against the sandbox behind the real routes over HTTP, with the real SDK and a
 * runner token (what a learner's program sees with no key): the refusal drill, parse() and the stream helper, the
 * tool loop with parallel calls, reasoning-model refusals and prompt caching.
 */
let app: ServedApp;
let client: OpenAI;

beforeAll(async () => {
  app = await serveRoutes(createProxy(testConfig({ sandbox: { recordings: new Map() } })));
  const session = await fetch(`${app.origin}/api/session`, { method: 'POST' });
  const { token } = (await session.json()) as { token: string };
  client = new OpenAI({ apiKey: token, baseURL: app.baseURL, maxRetries: 0 });
});
afterAll(() => app?.close());

const Answer = z.object({ city: z.string(), population: z.number().int(), landmarks: z.array(z.string()) });

describe('structured outputs and refusals (lesson 8)', () => {
  it('parse() gives a typed object; the refusal drill gives parsed null and the refusal', async () => {
    const params = {
      model: 'gpt-4o',
      messages: [{ role: 'user' as const, content: 'Tell me about Lisbon.' }],
      response_format: zodResponseFormat(Answer, 'answer'),
    };
    const ok = await client.chat.completions.parse(params);
    expect(Answer.parse(ok.choices[0]!.message.parsed)).toMatchObject({ city: 'Lisbon' });
    const refused = await client.chat.completions.parse(params, {
      headers: { 'x-tokenwise-drill': 'refusal' },
    });
    expect(refused.choices[0]!.message.parsed).toBeNull();
    expect(refused.choices[0]!.message.refusal).toMatch(/Sandbox refusal/);
  });

  it('the stream helper delivers refusal deltas over SSE', async () => {
    const stream = client.chat.completions.stream({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Tell me about Lisbon. [sandbox:refuse]' }],
      response_format: zodResponseFormat(Answer, 'answer'),
    });
    let deltas = 0;
    stream.on('refusal.delta', () => deltas++);
    stream.on('chunk', (chunk) => assertMatches('CreateChatCompletionStreamResponse', chunk));
    const final = await stream.finalChatCompletion();
    expect(deltas).toBeGreaterThan(1);
    expect(final.choices[0]!.message.refusal).toContain('[sandbox:refuse]');
  });

  it('a strict schema strict mode refuses is a 400 naming response_format', async () => {
    const error = await client.chat.completions
      .create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Hi' }],
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'loose',
            strict: true,
            schema: { type: 'object', properties: { a: { type: 'string' } } },
          },
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('response_format');
    assertMatches('ErrorResponse', { error: (error as BadRequestError).error });
  });
});

describe('function calling (lesson 7)', () => {
  it('runs the loop with two parallel calls and answers from their results', async () => {
    const cities: string[] = [];
    const runner = client.chat.completions.runTools({
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'What is the weather in Paris and Tokyo?' }],
      tools: [
        zodFunction({
          name: 'get_weather',
          description: 'Current weather for a city',
          parameters: z.object({ city: z.string() }),
          function: ({ city }: { city: string }) => (
            cities.push(city),
            { city, celsius: city === 'Paris' ? 12 : 18 }
          ),
        }),
      ],
    });
    const answer = await runner.finalContent();
    expect(cities).toEqual(['Paris', 'Tokyo']);
    expect(answer).toContain('"celsius":12');
    expect(answer).toContain('"celsius":18');
  });
});

describe('output controls and tokens (lessons 3 and 5)', () => {
  it('a reasoning model refuses temperature 0.2 and logprobs as OpenAI does', async () => {
    const temperature = await client.chat.completions
      .create({ model: 'gpt-5-mini', messages: [{ role: 'user', content: 'Hi' }], temperature: 0.2 })
      .catch((e: unknown) => e);
    expect((temperature as BadRequestError).code).toBe('unsupported_value');
    const logprobs = await client.chat.completions
      .create({ model: 'gpt-5-mini', messages: [{ role: 'user', content: 'Hi' }], logprobs: true })
      .catch((e: unknown) => e);
    expect(logprobs).toBeInstanceOf(PermissionDeniedError);
  });

  it('a repeated long prefix shows cached tokens rise', async () => {
    const system = {
      role: 'system' as const,
      content: `Style guide. ${'Write short, plain sentences. '.repeat(220)}`,
    };
    const ask = (content: string) =>
      client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [system, { role: 'user', content }],
        prompt_cache_key: `lesson-5-${app.origin}`,
      });
    const first = await ask('Rewrite: the meeting is postponed.');
    const second = await ask('Rewrite: the report is late.');
    expect(first.usage!.prompt_tokens_details!.cached_tokens).toBe(0);
    expect(second.usage!.prompt_tokens_details!.cached_tokens).toBeGreaterThanOrEqual(1024);
  });
});

describe('bounded work (issue 10, findings 1 and 2)', () => {
  it('answers or refuses a request with a 64,000-character name and a 180 kB tool description quickly', async () => {
    const elapsed = cpuClock();
    const started = Date.now();
    const response = await fetch(`${app.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${client.apiKey}` },
      body: JSON.stringify({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Hi', name: '!'.repeat(64_000) }],
        tools: [{ type: 'function', function: { name: 'f', description: 'z'.repeat(180_000) } }],
      }),
    });
    await response.text();
    // Server and client share this process: its CPU time covers the whole request (before the fix: 3 s and more).
    expect(elapsed()).toBeLessThan(400);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('cuts a schema that asks for megabytes at the output cap, with finish_reason "length"', async () => {
    const data = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Fill it.' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'huge',
          strict: true,
          schema: {
            type: 'object',
            properties: {
              a: { type: 'array', minItems: 100_000, items: { type: 'string', minLength: 40_000 } },
            },
            required: ['a'],
            additionalProperties: false,
          },
        },
      },
    });
    expect(data.choices[0]!.finish_reason).toBe('length');
    expect(data.usage!.completion_tokens).toBeLessThanOrEqual(4_096);
  });
});
