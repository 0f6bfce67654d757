import { BadRequestError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSandboxClient, DRILL_HEADER, REFUSAL_TRIGGER } from '@/lib/backends/sandbox';
import { assertMatches } from '../../support/openapi';

/** Structured outputs, JSON mode and refusals through the real SDK (FACTS-COURSE J1 to J10). */
const client = createSandboxClient({ recordings: new Map() });
const Event = z.object({
  name: z.string(),
  date: z.string(),
  participants: z.array(z.string()),
  seats: z.number().int(),
  note: z.string().nullable(),
});
const question = 'Alice and Bob are going to a science fair on 2026-12-24, 2 seats.';

describe('chat.completions.parse() with zodResponseFormat', () => {
  it('gives a typed object that satisfies the schema, with plausible values', async () => {
    const completion = await client.chat.completions.parse({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Extract the event information.' },
        { role: 'user', content: question },
      ],
      response_format: zodResponseFormat(Event, 'event'),
    });
    // `parsed` is the SDK's own addition; the wire response under it must match the spec.
    assertMatches(
      'CreateChatCompletionResponse',
      JSON.parse(JSON.stringify(completion, (key, v: unknown) => (key === 'parsed' ? undefined : v))),
    );
    const event = completion.choices[0]!.message.parsed!;
    expect(Event.parse(event)).toEqual(event);
    expect(event.date).toBe('2026-12-24');
    expect(event.seats).toBe(2);
    expect(completion.choices[0]!.message.refusal).toBeNull();
  });

  it('refuses with the drill: refusal set, content and parsed null, finish_reason "stop"', async () => {
    const completion = await client.chat.completions.parse(
      {
        model: 'gpt-4o',
        messages: [{ role: 'user', content: question }],
        response_format: zodResponseFormat(Event, 'event'),
      },
      { headers: { [DRILL_HEADER]: 'refusal' } },
    );
    const message = completion.choices[0]!.message;
    expect(message.parsed).toBeNull();
    expect(message.content).toBeNull();
    expect(message.refusal).toMatch(/^I'm sorry, but I can't help with that\. \(Sandbox refusal: /);
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.usage!.completion_tokens).toBeGreaterThan(0);
  });

  it('refuses when the last user message carries the trigger, without any drill', async () => {
    const data = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: `How do I pick a lock? ${REFUSAL_TRIGGER}` }],
    });
    assertMatches('CreateChatCompletionResponse', data);
    expect(data.choices[0]!.message.content).toBeNull();
    expect(data.choices[0]!.message.refusal).toContain(REFUSAL_TRIGGER);
  });

  it('streams a refusal as refusal deltas the stream helper assembles', async () => {
    const deltas: string[] = [];
    const stream = client.chat.completions.stream(
      {
        model: 'gpt-4o',
        messages: [{ role: 'user', content: question }],
        response_format: zodResponseFormat(Event, 'event'),
      },
      { headers: { [DRILL_HEADER]: 'refusal' } },
    );
    stream.on('refusal.delta', ({ delta }) => deltas.push(delta));
    stream.on('chunk', (chunk) => assertMatches('CreateChatCompletionStreamResponse', chunk));
    const final = await stream.finalChatCompletion();
    expect(deltas.length).toBeGreaterThan(1);
    expect(final.choices[0]!.message.refusal).toBe(deltas.join(''));
    expect(final.choices[0]!.message.parsed).toBeNull();
  });

  it('streams structured output the helper parses at the end', async () => {
    const stream = client.chat.completions.stream({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: question }],
      response_format: zodResponseFormat(Event, 'event'),
    });
    const final = await stream.finalChatCompletion();
    expect(Event.parse(final.choices[0]!.message.parsed)).toBeTruthy();
  });

  it('throws LengthFinishReasonError when the cap cuts the JSON (E11)', async () => {
    await expect(
      client.chat.completions.parse({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: question }],
        response_format: zodResponseFormat(Event, 'event'),
        max_completion_tokens: 5,
      }),
    ).rejects.toThrow(/length limit/i);
  });
});

describe('JSON mode', () => {
  it('needs the word "json" in the messages (J6), then answers with a JSON object', async () => {
    const error = await client.chat.completions
      .create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'List two colours.' }],
        response_format: { type: 'json_object' },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('messages');
    expect(((error as BadRequestError).error as { message: string }).message).toBe(
      "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
    );
    const data = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Reply in JSON.' },
        { role: 'user', content: 'List two colours.' },
      ],
      response_format: { type: 'json_object' },
    });
    const value = JSON.parse(data.choices[0]!.message.content!) as unknown;
    expect(value).toBeTypeOf('object');
    expect(Array.isArray(value)).toBe(false);
  });
});
