import { encode } from 'gpt-tokenizer/model/gpt-4o';
import { describe, expect, it } from 'vitest';
import { countPromptTokens, tokenPieces, truncateToTokens } from '@/lib/models/tokenizer';

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
