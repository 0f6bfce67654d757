import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodTextFormat } from 'openai/helpers/zod';
import { createSandboxClient, memoryResponsesStore, type ResponsesStore } from '@/lib/backends/sandbox';
import { assertMatches } from '../../support/openapi';

/**
 * The sandbox's Responses endpoints through the real SDK, in-process (the proxy's part is tested in
 * `tests/integration/responses-*.test.ts`). Schemas checked: `Response`, `ResponseItemList`, and each stream
 * event's own schema (`ResponseCreatedEvent`, `ResponseTextDeltaEvent`, ...), looked up from its `type`.
 */
const MODEL = 'gpt-4o-mini';

const EVENT_SCHEMAS: Record<string, string> = {
  'response.created': 'ResponseCreatedEvent',
  'response.in_progress': 'ResponseInProgressEvent',
  'response.output_item.added': 'ResponseOutputItemAddedEvent',
  'response.output_item.done': 'ResponseOutputItemDoneEvent',
  'response.content_part.added': 'ResponseContentPartAddedEvent',
  'response.content_part.done': 'ResponseContentPartDoneEvent',
  'response.output_text.delta': 'ResponseTextDeltaEvent',
  'response.output_text.done': 'ResponseTextDoneEvent',
  'response.refusal.delta': 'ResponseRefusalDeltaEvent',
  'response.refusal.done': 'ResponseRefusalDoneEvent',
  'response.function_call_arguments.delta': 'ResponseFunctionCallArgumentsDeltaEvent',
  'response.function_call_arguments.done': 'ResponseFunctionCallArgumentsDoneEvent',
  'response.completed': 'ResponseCompletedEvent',
  'response.incomplete': 'ResponseIncompleteEvent',
};

function client(store: ResponsesStore = memoryResponsesStore(), caller = 'rt:test-caller') {
  const sdk = createSandboxClient({ responses: { store } });
  return sdk.withOptions({ defaultHeaders: { 'x-tokenwise-caller': caller } });
}

const weather = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Current weather in a city',
  strict: true,
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
};

describe('sandbox Responses', () => {
  it('answers a string input with one message, output_text and usage counted', async () => {
    const response = await client().responses.create({ model: MODEL, input: 'Say hello to the class.', instructions: 'Be brief.' });
    assertMatches('Response', response);
    expect(response.status).toBe('completed');
    expect(response.output.map((i) => i.type)).toEqual(['message']);
    expect(response.output_text.length).toBeGreaterThan(0);
    expect(response.output_text).toMatch(/sandbox/i);
    expect(response.id).toMatch(/^resp_/);
    expect(response.instructions).toBe('Be brief.');
    const usage = response.usage!;
    expect(usage.input_tokens).toBeGreaterThan(0);
    expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens);
    expect(usage.input_tokens_details).toEqual({ cached_tokens: 0, cache_write_tokens: 0 });
    expect(usage.output_tokens_details).toEqual({ reasoning_tokens: 0 });
  });

  it('chains turns by previous_response_id, billing earlier turns again as input, and lists input items', async () => {
    const sdk = client();
    const first = await sdk.responses.create({ model: MODEL, input: 'My name is Ada.' });
    const second = await sdk.responses.create({ model: MODEL, input: 'What is my name?', previous_response_id: first.id });
    const third = await sdk.responses.create({ model: MODEL, input: 'And again?', previous_response_id: second.id });
    assertMatches('Response', third);
    expect(third.previous_response_id).toBe(second.id);
    expect(second.usage!.input_tokens).toBeGreaterThan(first.usage!.input_tokens + first.usage!.output_tokens);
    expect(third.usage!.input_tokens).toBeGreaterThan(second.usage!.input_tokens + second.usage!.output_tokens);
    const page = await sdk.responses.inputItems.list(third.id);
    const raw: unknown = await sdk.responses.inputItems.list(third.id).asResponse().then((r) => r.json());
    assertMatches('ResponseItemList', raw);
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'And again?' }] });
  });

  it('keeps stored responses per caller: another caller gets 404, and store:false is never stored', async () => {
    const store = memoryResponsesStore();
    const mine = await client(store, 'rt:a').responses.create({ model: MODEL, input: 'Hi' });
    await expect(client(store, 'rt:b').responses.retrieve(mine.id)).rejects.toMatchObject({ status: 404 });
    expect((await client(store, 'rt:a').responses.retrieve(mine.id)).id).toBe(mine.id);
    const unstored = await client(store, 'rt:a').responses.create({ model: MODEL, input: 'Hi', store: false });
    await expect(
      client(store, 'rt:a').responses.create({ model: MODEL, input: 'More', previous_response_id: unstored.id }),
    ).rejects.toMatchObject({ status: 400, code: 'previous_response_not_found', param: 'previous_response_id' });
    await client(store, 'rt:a').responses.delete(mine.id);
    await expect(client(store, 'rt:a').responses.retrieve(mine.id)).rejects.toMatchObject({ status: 404 });
  });

  it('cuts at max_output_tokens: incomplete with reason max_output_tokens', async () => {
    const response = await client().responses.create({
      model: MODEL,
      input: 'Tell me a long story about a lighthouse keeper and the sea, with many details.',
      max_output_tokens: 16,
    });
    assertMatches('Response', response);
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(response.usage!.output_tokens).toBe(16);
  });

  it('streams the documented events with sequence numbers, and responses.stream() finishes', async () => {
    const sdk = client();
    const stream = await sdk.responses.create({ model: MODEL, input: 'Say hello.', stream: true });
    const types: string[] = [];
    let sequence = 0;
    for await (const event of stream) {
      assertMatches(EVENT_SCHEMAS[event.type]!, event);
      expect(event.sequence_number).toBe(sequence++);
      types.push(event.type);
    }
    expect(types.slice(0, 4)).toEqual(['response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added']);
    expect(types.slice(-5)).toEqual([
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    let text = '';
    const helper = sdk.responses.stream({ model: MODEL, input: 'Say hello.' }).on('response.output_text.delta', (e) => (text += e.delta));
    const final = await helper.finalResponse();
    expect(final.output_text).toBe(text);
  });

  it('calls a function tool, then answers its function_call_output', async () => {
    const sdk = client();
    const first = await sdk.responses.create({ model: MODEL, input: 'What is the weather in Oslo?', tools: [weather] });
    assertMatches('Response', first);
    const call = first.output.find((i) => i.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: '{"city":"Oslo"}' });
    expect(call?.type === 'function_call' && call.call_id).toMatch(/^call_/);
    const second = await sdk.responses.create({
      model: MODEL,
      previous_response_id: first.id,
      tools: [weather],
      input: [{ type: 'function_call_output', call_id: (call as { call_id: string }).call_id, output: '{"temp_c":4}' }],
    });
    assertMatches('Response', second);
    expect(second.output_text).toContain('temp_c');
  });

  it('streams function-call argument events', async () => {
    const stream = await client().responses.create({ model: MODEL, input: 'Weather in Paris?', tools: [weather], stream: true });
    const types: string[] = [];
    for await (const event of stream) {
      assertMatches(EVENT_SCHEMAS[event.type]!, event);
      types.push(event.type);
    }
    expect(types).toContain('response.function_call_arguments.delta');
    expect(types).toContain('response.function_call_arguments.done');
  });

  it('fills text.format with a strict schema, parsed by responses.parse + zodTextFormat', async () => {
    const City = z.object({ name: z.string(), population: z.number() });
    const response = await client().responses.parse({
      model: MODEL,
      input: 'Describe Oslo.',
      text: { format: zodTextFormat(City, 'city') },
    });
    expect(City.parse(response.output_parsed)).toEqual(response.output_parsed);
  });

  it('refuses built-in tools with a 400 pointing upstream, and refuses on the refusal trigger', async () => {
    await expect(
      client().responses.create({ model: MODEL, input: 'news?', tools: [{ type: 'web_search' }] }),
    ).rejects.toMatchObject({ status: 400, param: 'tools[0].type', message: expect.stringMatching(/no 'web_search' tool.*own API key/) });
    await expect(
      client().responses.create({ model: MODEL, input: 'hi', conversation: 'conv_1' }),
    ).rejects.toMatchObject({ status: 400, param: 'conversation' });
    const refused = await client().responses.create({ model: MODEL, input: 'Do it [sandbox:refuse]' });
    assertMatches('Response', refused);
    expect(refused.output[0]).toMatchObject({ type: 'message', content: [{ type: 'refusal' }] });
  });
});
