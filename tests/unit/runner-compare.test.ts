import { describe, expect, it } from 'vitest';
import { MAX_TEXT, settingDiffs, sideOf } from '@/lib/runner/compare';
import type { Exchange } from '@/lib/runner/protocol';

const completion = (texts: string[], finish = 'stop') => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o-mini-2024-07-18',
  choices: texts.map((content, index) => ({
    index,
    message: { role: 'assistant', content, refusal: null },
    finish_reason: finish,
    logprobs: null,
  })),
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
});

const exchange = (request: object, response: unknown, extra: Partial<Exchange> = {}): Exchange => ({
  id: 'x1',
  method: 'POST',
  path: '/api/v1/chat/completions',
  startedAt: 0,
  durationMs: 10,
  request: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], ...request },
  status: 200,
  headers: {},
  response,
  ...extra,
});

describe('sideOf', () => {
  it('takes the last chat completion: its choices, finish reasons, usage and cost', () => {
    const side = sideOf('run1', [
      { ...exchange({}, {}), id: 'x0', path: '/api/v1/models', method: 'GET' },
      exchange({ n: 2, temperature: 1.5 }, completion(['One', 'Two'], 'length')),
    ])!;
    expect(side.calls).toBe(1);
    expect(side.model).toBe('gpt-4o-mini-2024-07-18');
    expect(side.settings).toEqual({ model: 'gpt-4o-mini', n: 2, temperature: 1.5 });
    expect(side.choices.map((c) => [c.index, c.text, c.finishReason])).toEqual([
      [0, 'One', 'length'],
      [1, 'Two', 'length'],
    ]);
    expect(side.usage?.totalTokens).toBe(15);
    expect(side.usage?.cost).toBeGreaterThan(0);
    expect(side.error).toBeNull();
  });

  it('reads a stream, an error envelope and a missing response', () => {
    const stream = sideOf('r', [
      exchange({ stream: true }, undefined, {
        chunks: [
          {
            object: 'chat.completion.chunk',
            id: 'c',
            model: 'gpt-4o-mini',
            choices: [{ index: 0, delta: { content: 'Hey' }, finish_reason: 'stop' }],
          },
        ],
      }),
    ])!;
    expect(stream.choices[0]!.text).toBe('Hey');
    const failed = sideOf('r', [exchange({}, { error: { message: 'Bad temperature' } }, { status: 400 })])!;
    expect(failed.error).toBe('Bad temperature');
    expect(failed.choices).toEqual([]);
    const dropped = sideOf('r', [exchange({}, undefined, { status: null, error: 'dropped' })])!;
    expect(dropped.error).toBe('dropped');
    expect(sideOf('r', [])).toBeNull();
  });

  it('cuts long text so the view stays bounded', () => {
    const side = sideOf('r', [exchange({}, completion(['a'.repeat(MAX_TEXT + 10)]))])!;
    expect(side.choices[0]!.text).toHaveLength(MAX_TEXT);
    expect(side.choices[0]!.truncated).toBe(true);
  });
});

describe('settingDiffs', () => {
  it('lists only the settings that differ, with "not set" for absent ones', () => {
    const a = sideOf('a', [exchange({ temperature: 0, seed: 7, stop: ['\n'] }, completion(['x']))])!;
    const b = sideOf('b', [
      exchange({ temperature: 1.2, seed: 7, max_completion_tokens: 5 }, completion(['y'])),
    ])!;
    expect(settingDiffs(a, b)).toEqual([
      { name: 'temperature', pinned: '0', current: '1.2' },
      { name: 'stop', pinned: '["\\n"]', current: 'not set' },
      { name: 'max_completion_tokens', pinned: 'not set', current: '5' },
    ]);
    expect(settingDiffs(a, a)).toEqual([]);
  });
});
