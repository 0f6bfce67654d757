import { decode, encode } from 'gpt-tokenizer/model/gpt-4o';
import { describe, expect, it } from 'vitest';
import { createSandboxClient } from '@/lib/backends/sandbox';
import { PRIMING, tokenView } from '@/lib/runner/token-view';

const encoder = { encode: (t: string) => encode(t), decode: (ids: number[]) => decode(ids) };

describe('the token view', () => {
  it('splits each message into tokens whose texts join back into the message', () => {
    const view = tokenView({ messages: [{ role: 'user', content: 'Tokens are pieces of text.' }] }, encoder)!;
    expect(view.messages[0]!.tokens.map((t) => t.text).join('')).toBe('Tokens are pieces of text.');
    expect(view.messages[0]!.tokens.every((t) => Number.isInteger(t.id))).toBe(true);
    expect(view.priming).toBe(PRIMING);
  });

  it('adds up to the prompt tokens the sandbox bills for plain text messages', async () => {
    const messages = [
      { role: 'system' as const, content: 'You are a patient tutor. Answer in plain English.' },
      {
        role: 'user' as const,
        name: 'ada',
        content: 'What is a token in a language model? Answer in two sentences.',
      },
    ];
    const response = await createSandboxClient().chat.completions.create({ model: 'gpt-4o-mini', messages });
    expect(tokenView({ messages }, encoder)!.total).toBe(response.usage!.prompt_tokens);
  });

  it('has nothing to show for a request without messages', () => {
    expect(tokenView({ input: 'Hi' }, encoder)).toBeNull();
    expect(tokenView(null, encoder)).toBeNull();
  });
});
