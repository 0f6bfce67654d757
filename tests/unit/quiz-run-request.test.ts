import { describe, expect, it } from 'vitest';
import { runCheckRequestSchema } from '@/lib/quiz/exchange';

const exchange = {
  request: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] },
  status: 200,
  response: { object: 'chat.completion', choices: [] },
};

describe('POST /api/quiz/challenges body', () => {
  it('leaves out an exchange that is not well formed and keeps the rest', () => {
    const body = runCheckRequestSchema.parse({
      lesson: 'chat-completions',
      exchanges: [exchange, { request: { model: '' }, status: 200 }, 'junk', { ...exchange, status: 404 }],
    });
    expect(body.exchanges.map((e) => e.status)).toEqual([200, 404]);
    // The default the runner leaves out is filled in.
    expect(body.exchanges[0]?.endpoint).toBe('chat.completions');
  });

  it('still refuses more exchanges than one run may send, and an unknown field', () => {
    expect(
      runCheckRequestSchema.safeParse({ lesson: 'chat-completions', exchanges: Array(9).fill(exchange) }).success,
    ).toBe(false);
    expect(runCheckRequestSchema.safeParse({ lesson: 'chat-completions', exchanges: [], extra: 1 }).success).toBe(
      false,
    );
  });
});
