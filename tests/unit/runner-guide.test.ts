import { describe, expect, it } from 'vitest';
import { errorEntryFor, formatPath, guideEntryFor } from '@/lib/runner/field-guide';
import { containsKey, findKeys } from '@/lib/runner/keys';
import { decodeShareFragment, encodeShareFragment, KeyInCodeError } from '@/lib/runner/share';
import { modelFor, summarizeUsage } from '@/lib/runner/usage';
import type { Exchange } from '@/lib/runner/protocol';

const guide = [
  { name: 'choices', anchor: 'field-choices', summary: 'The replies.' },
  { name: 'choices[0].message.content', anchor: 'field-choices-message-content', summary: 'The text.' },
  { name: 'finish_reason', anchor: 'field-finish_reason', summary: 'Why it stopped.' },
  {
    name: 'usage.prompt_tokens_details.cached_tokens',
    anchor: 'field-usage-prompt_tokens_details-cached_tokens',
    summary: 'Cached.',
  },
  { name: 'id', anchor: 'field-id', summary: 'The id.' },
];

describe('guideEntryFor', () => {
  it('matches field paths to guide entries, indices ignored', () => {
    expect(guideEntryFor(['choices', 0, 'message', 'content'], guide)?.anchor).toBe(
      'field-choices-message-content',
    );
    expect(guideEntryFor(['choices', 2, 'message', 'content'], guide)?.anchor).toBe(
      'field-choices-message-content',
    );
    expect(guideEntryFor(['choices'], guide)?.anchor).toBe('field-choices');
    expect(guideEntryFor(['usage', 'prompt_tokens_details', 'cached_tokens'], guide)?.summary).toBe(
      'Cached.',
    );
  });

  it('finds a choice field named without its choices[0] prefix', () => {
    expect(guideEntryFor(['choices', 0, 'finish_reason'], guide)?.anchor).toBe('field-finish_reason');
  });

  it('does not confuse nested fields with top-level ones', () => {
    expect(guideEntryFor(['id'], guide)?.anchor).toBe('field-id');
    expect(guideEntryFor(['choices', 0, 'message', 'tool_calls', 0, 'id'], guide)).toBeUndefined();
    expect(guideEntryFor(['choices', 0], guide)).toBeUndefined();
  });

  it('formats paths and finds error entries', () => {
    expect(formatPath(['choices', 0, 'message', 'content'])).toBe('choices[0].message.content');
    expect(
      errorEntryFor('RateLimitError', [{ name: 'RateLimitError', anchor: 'error-ratelimiterror' }])?.anchor,
    ).toBe('error-ratelimiterror');
    expect(errorEntryFor('TypeError', [{ name: 'RateLimitError' }])).toBeUndefined();
  });
});

describe('key detection', () => {
  it('finds OpenAI keys and runner tokens, with their line', () => {
    const code =
      "const a = 1;\nconst key = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123';\n// tw_rt_abcdefghijklmnopqrstu.vwx\n";
    expect(findKeys(code)).toEqual([
      { kind: 'openai-key', line: 2, masked: 'sk-proj…' },
      { kind: 'runner-token', line: 3, masked: 'tw_rt_a…' },
    ]);
  });

  it('ignores placeholders and short strings', () => {
    expect(containsKey("apiKey: 'sk-...'  // sk-drill*****0401 task-list")).toBe(false);
  });
});

describe('share links', () => {
  it('round-trips code through the fragment', () => {
    const code = "import OpenAI from 'openai';\nconsole.log('héllo + wörld', `${1 + 2}`);\n";
    const fragment = encodeShareFragment(code);
    expect(fragment).toMatch(/^code=[A-Za-z0-9+\-$]+$/);
    expect(decodeShareFragment(`#${fragment}`)).toBe(code);
  });

  it('refuses to encode code holding a key and rejects garbage', () => {
    expect(() => encodeShareFragment("const k = 'sk-abcdefghijklmnopqrstuvwxyz12345';")).toThrow(
      KeyInCodeError,
    );
    expect(decodeShareFragment('#code=%%%')).toBeNull();
    expect(decodeShareFragment('#other=1')).toBeNull();
  });
});

describe('summarizeUsage', () => {
  const base = {
    method: 'POST',
    path: '/api/v1/chat/completions',
    startedAt: 0,
    durationMs: 5,
    status: 200,
    headers: {},
  };
  it('prices each completion at the dated catalog prices, streams included', () => {
    const exchanges: Exchange[] = [
      {
        ...base,
        id: 'a',
        request: { model: 'gpt-4o' },
        response: {
          object: 'chat.completion',
          model: 'gpt-4o-2024-08-06',
          choices: [],
          usage: { prompt_tokens: 1000, completion_tokens: 500, total_tokens: 1500 },
        },
      },
      {
        ...base,
        id: 'b',
        request: { model: 'gpt-4o-mini', stream: true },
        chunks: [
          {
            object: 'chat.completion.chunk',
            id: 'x',
            model: 'gpt-4o-mini',
            choices: [],
            usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
          },
        ],
      },
      {
        ...base,
        id: 'c',
        status: 429,
        request: { model: 'gpt-4o' },
        response: { error: { message: 'slow down' } },
      },
    ];
    const summary = summarizeUsage(exchanges);
    expect(summary.rows.map((r) => r.exchangeId)).toEqual(['a', 'b']);
    expect(summary.rows[0]!.cost).toBeCloseTo(0.0075, 10);
    expect(summary.totalTokens).toBe(1520);
    expect(summary.cost).toBeCloseTo(0.0075 + (10 * 0.15 + 10 * 0.6) / 1e6, 12);
    expect(summary.unpriced).toBe(false);
  });

  it("reads Responses API usage (input and output tokens), whole or from the stream's final event", () => {
    const usage = {
      input_tokens: 1000,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 500,
      total_tokens: 1500,
    };
    const response = { object: 'response', model: 'gpt-4o', status: 'completed', output: [], usage };
    const summary = summarizeUsage([
      { ...base, id: 'r1', path: '/api/v1/responses', request: { model: 'gpt-4o' }, response },
      {
        ...base,
        id: 'r2',
        path: '/api/v1/responses',
        request: { model: 'gpt-4o', stream: true },
        chunks: [
          {
            type: 'response.created',
            sequence_number: 0,
            response: { ...response, status: 'in_progress', usage: null },
          },
          { type: 'response.completed', sequence_number: 1, response },
        ],
      },
    ]);
    expect(summary.rows.map((r) => [r.exchangeId, r.promptTokens, r.completionTokens])).toEqual([
      ['r1', 1000, 500],
      ['r2', 1000, 500],
    ]);
    expect(summary.rows[0]!.cost).toBeCloseTo(0.0075, 10);
  });

  it('leaves unknown models unpriced', () => {
    expect(modelFor('llama-3')).toBeUndefined();
    expect(modelFor('gpt-4o-mini-2024-07-18')?.id).toBe('gpt-4o-mini');
    const summary = summarizeUsage([
      {
        ...base,
        id: 'a',
        request: { model: 'llama-3' },
        response: {
          object: 'chat.completion',
          model: 'llama-3',
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        },
      },
    ]);
    expect(summary.unpriced).toBe(true);
    expect(summary.rows[0]!.cost).toBeNull();
  });
});
