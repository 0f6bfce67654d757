import { describe, expect, it } from 'vitest';
import { assembleStream } from '@/lib/runner/assemble';
import { OutputBudget } from '@/lib/runner/output-cap';
import { parseSseBody, SseParser } from '@/lib/runner/sse';

const chunk = (delta: object, extra: object = {}) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-4o-mini',
  system_fingerprint: 'sandbox',
  choices: [{ index: 0, delta, finish_reason: null, logprobs: null }],
  usage: null,
  ...extra,
});

describe('SseParser', () => {
  it('splits events across arbitrary pieces and stops at [DONE]', () => {
    const body = 'data: {"a":1}\n\n: comment\ndata: {"a":2}\r\n\r\ndata: [DONE]\n\n';
    const parser = new SseParser();
    const events = [...body].flatMap((ch) => parser.push(ch));
    expect(events).toEqual(['{"a":1}', '{"a":2}']);
    expect(parser.done).toBe(true);
    expect(parseSseBody('data: {"b":1}')).toEqual([{ b: 1 }]);
  });
});

describe('assembleStream', () => {
  it('joins content deltas, keeps the finish reason and the usage chunk', () => {
    const chunks = [
      chunk({ role: 'assistant', content: '' }),
      chunk({ content: 'Hello' }),
      chunk({ content: ', world' }),
      { ...chunk({}), choices: [{ index: 0, delta: {}, finish_reason: 'stop', logprobs: null }] },
      { ...chunk({}), choices: [], usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } },
    ];
    const completion = assembleStream(chunks);
    expect(completion).toMatchObject({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      system_fingerprint: 'sandbox',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello, world', refusal: null },
          finish_reason: 'stop',
        },
      ],
      usage: { total_tokens: 8 },
    });
  });

  it('assembles tool-call arguments by index and keeps choices apart', () => {
    const chunks = [
      chunk({
        role: 'assistant',
        tool_calls: [
          { index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } },
        ],
      }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '"Oslo"}' } }] }),
      { ...chunk({}), choices: [{ index: 1, delta: { content: 'second' }, finish_reason: 'stop' }] },
    ];
    const completion = assembleStream(chunks) as {
      choices: { message: { tool_calls?: unknown; content: unknown } }[];
    };
    expect(completion.choices[0]!.message.tool_calls).toEqual([
      {
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
      },
    ]);
    expect(completion.choices[1]!.message.content).toBe('second');
  });

  it('returns null when there is no chunk', () => {
    expect(assembleStream([])).toBeNull();
    expect(assembleStream(['not json', { object: 'other' }])).toBeNull();
  });
});

describe('OutputBudget', () => {
  it('lets output through until the budget is spent, then truncates', () => {
    const budget = new OutputBudget(10, 100);
    expect(budget.take('12345')).toBe('12345');
    expect(budget.take('6789ABC')).toBe('6789A');
    expect(budget.truncated).toBe(true);
    expect(budget.take('more')).toBeNull();
  });

  it('caps the number of entries', () => {
    const budget = new OutputBudget(1_000, 2);
    expect(budget.take('a')).toBe('a');
    expect(budget.take('b')).toBe('b');
    expect(budget.take('c')).toBeNull();
    expect(budget.truncated).toBe(true);
  });
});
