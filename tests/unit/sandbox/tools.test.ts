import { Ajv2020 } from 'ajv/dist/2020';
import { BadRequestError } from 'openai';
import { zodFunction } from 'openai/helpers/zod';
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions/completions';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSandboxClient } from '@/lib/backends/sandbox';
import { assertMatches } from '../../support/openapi';

/** Function calling against the sandbox through the real SDK (FACTS-COURSE F1 to F7). */
const client = createSandboxClient({ recordings: new Map() });
const ajv = new Ajv2020({ strict: false });

const weather: ChatCompletionFunctionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    strict: true,
    parameters: {
      type: 'object',
      properties: {
        city: { type: 'string' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      },
      required: ['city', 'unit'],
      additionalProperties: false,
    },
  },
};
const time: ChatCompletionFunctionTool = {
  type: 'function',
  function: {
    name: 'get_time',
    description: 'Local time in a timezone',
    parameters: {
      type: 'object',
      properties: { timezone: { type: 'string' } },
      required: ['timezone'],
      additionalProperties: false,
    },
  },
};
const ask = (content: string): ChatCompletionMessageParam[] => [{ role: 'user', content }];
const create = async (params: Omit<ChatCompletionCreateParamsNonStreaming, 'model'>) => {
  const data = await client.chat.completions.create({ model: 'gpt-4.1', ...params });
  assertMatches('CreateChatCompletionResponse', data);
  return data;
};
const callsOf = (data: Awaited<ReturnType<typeof create>>) =>
  (data.choices[0]!.message.tool_calls ?? []).map((call) => {
    if (call.type !== 'function') throw new Error('not a function call');
    return {
      id: call.id,
      name: call.function.name,
      args: JSON.parse(call.function.arguments) as Record<string, unknown>,
    };
  });

describe('tool_choice, in every form, with the finish_reason the API gives', () => {
  const unrelated = ask('Write a haiku about autumn.');

  it('auto: calls a matching function and reports "tool_calls"; answers in text when none matches', async () => {
    const data = await create({ messages: ask('What is the weather in Oslo?'), tools: [weather, time] });
    expect(data.choices[0]!.finish_reason).toBe('tool_calls');
    expect(data.choices[0]!.message.content).toBeNull();
    const [call] = callsOf(data);
    expect(call!.name).toBe('get_weather');
    expect(call!.args).toEqual({ city: 'Oslo', unit: 'celsius' });
    expect(ajv.validate(weather.function.parameters!, call!.args)).toBe(true);
    const text = await create({ messages: unrelated, tools: [weather] });
    expect(text.choices[0]!.finish_reason).toBe('stop');
    expect(text.choices[0]!.message.tool_calls).toBeUndefined();
  });

  it('none: never calls, even when a function matches', async () => {
    const data = await create({
      messages: ask('What is the weather in Oslo?'),
      tools: [weather],
      tool_choice: 'none',
    });
    expect(data.choices[0]!.message.tool_calls).toBeUndefined();
    expect(data.choices[0]!.message.content).toMatch(/sandbox/i);
  });

  it('required: forces a call (the first tool when none matches) and reports "stop" (F6)', async () => {
    const data = await create({ messages: unrelated, tools: [weather, time], tool_choice: 'required' });
    expect(data.choices[0]!.finish_reason).toBe('stop');
    expect(callsOf(data)[0]!.name).toBe('get_weather');
  });

  it('a named function: exactly that one, even when another matches better, with "stop"', async () => {
    const data = await create({
      messages: ask('What is the weather in Oslo?'),
      tools: [weather, time],
      tool_choice: { type: 'function', function: { name: 'get_time' } },
    });
    expect(data.choices[0]!.finish_reason).toBe('stop');
    expect(callsOf(data).map((c) => c.name)).toEqual(['get_time']);
  });

  it('allowed_tools: only the listed ones; mode "required" forces a call, "auto" may not call', async () => {
    const allowed = (mode: 'auto' | 'required') => ({
      type: 'allowed_tools' as const,
      allowed_tools: { mode, tools: [{ type: 'function', function: { name: 'get_time' } }] },
    });
    const forced = await create({
      messages: ask('What is the weather in Oslo?'),
      tools: [weather, time],
      tool_choice: allowed('required'),
    });
    expect(callsOf(forced).map((c) => c.name)).toEqual(['get_time']);
    expect(forced.choices[0]!.finish_reason).toBe('stop');
    const auto = await create({
      messages: ask('What is the weather in Oslo?'),
      tools: [weather, time],
      tool_choice: allowed('auto'),
    });
    expect(auto.choices[0]!.message.tool_calls).toBeUndefined();
    const autoTime = await create({
      messages: ask('What time is it in Tokyo?'),
      tools: [weather, time],
      tool_choice: allowed('auto'),
    });
    expect(autoTime.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('refuses a named function that is not offered, and tool_choice without tools', async () => {
    const missing = await client.chat.completions
      .create({
        model: 'gpt-4.1',
        messages: unrelated,
        tools: [weather],
        tool_choice: { type: 'function', function: { name: 'nope' } },
      })
      .catch((e: unknown) => e);
    expect((missing as BadRequestError).param).toBe('tool_choice');
    const none = await client.chat.completions
      .create({ model: 'gpt-4.1', messages: unrelated, tool_choice: 'auto' })
      .catch((e: unknown) => e);
    expect((none as BadRequestError).status).toBe(400);
  });
});

describe('parallel calls', () => {
  it('two places in the message: one call per place; parallel_tool_calls false: one call', async () => {
    const messages = ask('Compare the weather in Paris and Tokyo today.');
    const both = await create({ messages, tools: [weather] });
    expect(callsOf(both).map((c) => c.args.city)).toEqual(['Paris', 'Tokyo']);
    expect(new Set(callsOf(both).map((c) => c.id)).size).toBe(2);
    const one = await create({ messages, tools: [weather], parallel_tool_calls: false });
    expect(callsOf(one)).toHaveLength(1);
  });

  it('two functions named by the message: one call to each', async () => {
    const data = await create({
      messages: ask('What is the weather in Oslo and the time there?'),
      tools: [weather, time],
    });
    expect(callsOf(data).map((c) => c.name)).toEqual(['get_weather', 'get_time']);
  });
});

describe('the tool loop', () => {
  it('answers from the tool results, quoting each, labelled as the sandbox', async () => {
    const messages = ask('Compare the weather in Paris and Tokyo today.');
    const first = await create({ messages, tools: [weather] });
    const calls = first.choices[0]!.message.tool_calls!;
    const results = ['{"temp": 18}', '{"temp": 24}'];
    const answer = await create({
      tools: [weather],
      messages: [
        ...messages,
        first.choices[0]!.message,
        ...calls.map((call, i) => ({ role: 'tool' as const, tool_call_id: call.id, content: results[i]! })),
      ],
    });
    const text = answer.choices[0]!.message.content!;
    expect(answer.choices[0]!.finish_reason).toBe('stop');
    expect(text).toMatch(/^Sandbox reply/);
    for (const result of results) expect(text).toContain(`get_weather returned ${result}`);
  });

  it('400 when a call is left unanswered, or a tool message answers no call (F5 wording)', async () => {
    const messages = ask('Compare the weather in Paris and Tokyo today.');
    const first = await create({ messages, tools: [weather] });
    const [a, b] = first.choices[0]!.message.tool_calls!;
    const answer = (id: string) => ({ role: 'tool' as const, tool_call_id: id, content: '{}' });
    const followUp = (answers: ChatCompletionMessageParam[]) =>
      client.chat.completions
        .create({
          model: 'gpt-4.1',
          tools: [weather],
          messages: [...messages, first.choices[0]!.message, ...answers],
        })
        .then(
          () => undefined,
          (e: unknown) => e as BadRequestError,
        );

    const missing = await followUp([answer(a!.id)]);
    expect(missing).toBeInstanceOf(BadRequestError);
    expect((missing!.error as { message: string }).message).toBe(
      `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${b!.id}`,
    );
    expect(missing!.param).toBe('messages.[1].role');

    const unknown = await followUp([answer(a!.id), answer(b!.id), answer('call_made_up')]);
    expect((unknown!.error as { message: string }).message).toBe(
      "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
    );
    expect(unknown!.param).toBe('messages.[4].role');
  });

  it('runs the SDK loop helper to the end with zodFunction-validated arguments', async () => {
    const seen: { city: string }[] = [];
    const runner = client.chat.completions.runTools({
      model: 'gpt-4.1',
      messages: ask('What is the weather in Lisbon?'),
      tools: [
        zodFunction({
          name: 'get_weather',
          parameters: z.object({ city: z.string() }),
          function: (args: { city: string }) => {
            seen.push(args);
            return { temp: 21 };
          },
        }),
      ],
    });
    const content = await runner.finalContent();
    expect(seen).toEqual([{ city: 'Lisbon' }]);
    expect(content).toContain('get_weather returned {"temp":21}');
  });
});

describe('limits', () => {
  it('at most 128 tools (F7)', async () => {
    const tools = Array.from({ length: 129 }, (_, i) => ({
      type: 'function' as const,
      function: { name: `tool_${i}` },
    }));
    const error = await client.chat.completions
      .create({ model: 'gpt-4.1', messages: ask('Hi'), tools })
      .catch((e: unknown) => e);
    expect((error as BadRequestError).code).toBe('array_above_max_length');
    expect((error as BadRequestError).param).toBe('tools');
    await expect(
      client.chat.completions.create({ model: 'gpt-4.1', messages: ask('Hi'), tools: tools.slice(0, 128) }),
    ).resolves.toBeTruthy();
  });

  it('streams parallel calls whose pieces add up to the same arguments', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4.1',
      messages: ask('Compare the weather in Paris and Tokyo today.'),
      tools: [weather],
      stream: true,
    });
    const args: string[] = [];
    let finish: string | null = null;
    for await (const chunk of stream) {
      assertMatches('CreateChatCompletionStreamResponse', chunk);
      for (const part of chunk.choices[0]?.delta.tool_calls ?? [])
        args[part.index] = (args[part.index] ?? '') + (part.function?.arguments ?? '');
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(args.map((a) => (JSON.parse(a) as { city: string }).city)).toEqual(['Paris', 'Tokyo']);
    expect(finish).toBe('tool_calls');
  });
});
