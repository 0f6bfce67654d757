import { encode } from 'gpt-tokenizer/model/gpt-4o';
import { describe, expect, it } from 'vitest';
import { cpuClock } from './sandbox/cpu-time';
import {
  COUNT_TIME_LIMIT_MS,
  countPromptTokens,
  countTextTokens,
  RUN_LIMIT,
  segments,
  tokenize,
  tokenPieces,
  truncateToTokens,
} from '@/lib/models/tokenizer';

describe('countPromptTokens', () => {
  it('counts plain messages as OpenAI bills them: 3 per message, role and content, 3 to prime the reply', () => {
    expect(countPromptTokens([{ role: 'user', content: 'Hello' }])).toBe(
      3 + encode('user').length + encode('Hello').length + 3,
    );
  });

  it('adds the name and one more token for it', () => {
    const plain = countPromptTokens([{ role: 'user', content: 'Hi there' }]);
    expect(countPromptTokens([{ role: 'user', content: 'Hi there', name: 'grace_hopper' }])).toBe(
      plain + encode('grace_hopper').length + 1,
    );
  });

  it('reads text parts and counts tool definitions and tool calls', () => {
    const parts = countPromptTokens([{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }]);
    expect(parts).toBe(countPromptTokens([{ role: 'user', content: 'Hello' }]));
    const tool = {
      type: 'function' as const,
      function: {
        name: 'get_time',
        description: 'Current time',
        parameters: { type: 'object', properties: {} },
      },
    };
    expect(countPromptTokens([{ role: 'user', content: 'Hello' }], [tool])).toBeGreaterThan(parts);
    const withCall = countPromptTokens([
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_time', arguments: '{}' } }],
      },
    ]);
    expect(withCall).toBeGreaterThan(countPromptTokens([{ role: 'assistant', content: '' }]));
  });
});

describe('cutting text at token boundaries', () => {
  const text = 'Tokens 🧩 are the unit: naïve café, 東京, and emoji 👩‍💻 included.';

  it('splits into pieces that join back to the text, multi-byte characters whole', () => {
    const pieces = tokenPieces(encode(text));
    expect(pieces.join('')).toBe(text);
    expect(pieces.some((p) => p.includes('\uFFFD'))).toBe(false);
  });

  it('truncates to a token count, reporting whether it cut', () => {
    expect(truncateToTokens(text, 1_000)).toEqual({ text, tokens: encode(text).length, cut: false });
    const cut = truncateToTokens(text, 4);
    expect(cut.cut).toBe(true);
    expect(encode(cut.text)).toEqual(encode(text).slice(0, 4));
  });
});

describe('bounded for any input (issue 10, finding 1)', () => {
  const timed = <T>(run: () => T): { value: T; ms: number } => {
    const elapsed = cpuClock();
    const value = run();
    return { value, ms: elapsed() };
  };
  // Encoded whole, each of these takes seconds (64,000 `!` about 3 s, 200 kB of one letter far more).
  const huge = {
    bang: '!'.repeat(64_000),
    letter: 'a'.repeat(200_000),
    spaces: ' '.repeat(200_000),
    cjk: '漢'.repeat(100_000),
  };

  it('counts ordinary text exactly, cutting only where the tokenizer itself splits', () => {
    const prose = 'The quick brown fox, 3 times. Naïve café 東京!\n\n'.repeat(2_000);
    // No time limit here: on a loaded machine the limit would turn the exact count into an estimate.
    expect(countTextTokens(prose, { timeLimitMs: Infinity })).toBe(encode(prose).length);
    expect(tokenize(prose)).toEqual(encode(prose));
    expect([...segments(prose)].length).toBeGreaterThan(1);
  });

  it('cuts runs of one class into short pieces that join back to the text, surrogate pairs whole', () => {
    const text = `start ${'!'.repeat(1_000)} middle ${'😀'.repeat(300)} end`;
    const pieces = [...segments(text)];
    expect(pieces.join('')).toBe(text);
    expect(Math.max(...pieces.map((p) => Array.from(p).length))).toBeLessThanOrEqual(RUN_LIMIT + 8);
    expect(pieces.some((p) => /[\uD800-\uDBFF]$/.test(p))).toBe(false);
  });

  it.each(Object.entries(huge))('counts %s in tens of milliseconds, close to the exact count', (_, text) => {
    countTextTokens('warm');
    const { value, ms } = timed(() => countTextTokens(text));
    // CPU time, so other jobs on the machine do not count: typically 10 to 20 ms (bench/tokenizer.mjs).
    // Encoded whole, this took seconds.
    expect(ms).toBeLessThan(60);
    // Exact for a short sample of the same run, so the long count is that rate times the length.
    const rate = encode(text.slice(0, RUN_LIMIT)).length / RUN_LIMIT;
    expect(value).toBeGreaterThanOrEqual(Math.floor(rate * text.length * 0.9));
    expect(value).toBeLessThanOrEqual(Math.ceil(rate * text.length * 1.1));
  });

  it('keeps a request with a huge name, tool description and arguments fast', () => {
    const { value, ms } = timed(() =>
      countPromptTokens(
        [
          { role: 'user', content: 'Hi', name: huge.bang },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: huge.letter } }],
          },
        ],
        [{ type: 'function', function: { name: 'f', description: huge.letter } }],
      ),
    );
    expect(ms).toBeLessThan(COUNT_TIME_LIMIT_MS + 150);
    expect(value).toBeGreaterThan(countTextTokens(huge.bang) + 2 * countTextTokens(huge.letter) - 10);
  });

  it('estimates past the character cap and the time limit from the rate seen so far', () => {
    const prose = 'The quick brown fox jumps over the lazy dog. '.repeat(4_000);
    const exact = encode(prose).length;
    const capped = countTextTokens(prose, { maxChars: 10_000 });
    expect(Math.abs(capped - exact) / exact).toBeLessThan(0.02);
    const rushed = countTextTokens(prose, { timeLimitMs: 0 });
    expect(rushed).toBeGreaterThan(0);
    expect(Math.abs(rushed - exact) / exact).toBeLessThan(0.05);
  });
});

describe('tool schemas nested too deep to format', () => {
  it('are estimated instead of overflowing the stack', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 20_000; i++) schema = { type: 'object', properties: { c: schema } };
    const tools = [{ type: 'function' as const, function: { name: 'deep', parameters: schema } }];
    const elapsed = cpuClock();
    const count = countPromptTokens([{ role: 'user', content: 'Hi' }], tools);
    expect(elapsed()).toBeLessThan(COUNT_TIME_LIMIT_MS + 150);
    expect(count).toBeGreaterThan(countPromptTokens([{ role: 'user', content: 'Hi' }]));
  });
});
