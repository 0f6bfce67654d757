import { describe, expect, it } from 'vitest';
import type { ApiError } from '@/lib/errors';
import { chatCompletionRequestSchema } from '@/lib/proxy/chat-schema';
import { UsageChunkFilter, tokensToSettle } from '@/lib/proxy/relay';
import { checkRequestLimits, promptTokensFor } from '@/lib/proxy/request-limits';
import { UsageTally } from '@/lib/proxy/tally';
import { formatParam } from '@/lib/proxy/zod-errors';
import { testConfig } from '../../support/proxy-config';

/**
 * Issue 10, finding 1 (the request side): every field that reaches the tokenizer is capped, the whole request has a
 * character cap, and a caller the server has not authenticated (an own key) is never tokenized. Finding 6: what a
 * server-paid call settles at when no usage arrives, and the usage chunk a client did not ask for.
 */
const limits = testConfig().limits;
const user = (extra: Record<string, unknown> = {}) => ({ role: 'user', content: 'Hi', ...extra });

/** The 400 a body gets, from the schema or the caps; undefined when it is accepted. */
function refusedParam(body: Record<string, unknown>): string | null | undefined {
  const parsed = chatCompletionRequestSchema.safeParse({ model: 'gpt-4o', ...body });
  if (!parsed.success) return formatParam(parsed.error.issues[0]!.path);
  try {
    checkRequestLimits(parsed.data, limits);
    return undefined;
  } catch (error) {
    return (error as ApiError).param;
  }
}

describe('caps on a chat request', () => {
  const bang = '!'.repeat(64_000);
  const big = 'a'.repeat(200_000);
  it.each([
    ['a 64,000-character message name', { messages: [user({ name: bang })] }, 'messages[0].name'],
    [
      'a 200 kB tool description',
      { messages: [user()], tools: [{ type: 'function', function: { name: 'f', description: big } }] },
      'tools[0].function.description',
    ],
    [
      'long tool-call arguments',
      {
        messages: [
          user(),
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: big } }],
          },
        ],
      },
      'messages[1].content',
    ],
    ['a long stop sequence', { messages: [user()], stop: ['x'.repeat(1_000)] }, 'stop[0]'],
    ['a long user label', { messages: [user()], user: 'u'.repeat(10_000) }, 'user'],
    [
      'a huge tool schema',
      {
        messages: [user()],
        tools: [
          { type: 'function', function: { name: 'f', parameters: { type: 'object', description: big } } },
        ],
      },
      'tools[0].function.parameters',
    ],
    [
      'more characters in all than one request may have',
      { messages: Array.from({ length: 8 }, () => user({ content: 'word '.repeat(6_000) })) },
      'messages',
    ],
  ])('refuses %s with a 400', (_, body, param) => {
    const started = performance.now();
    expect(refusedParam(body)).toBe(param);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('accepts an ordinary request', () => {
    expect(
      refusedParam({ messages: [user({ name: 'ada' })], stop: ['END'], user: 'learner-1' }),
    ).toBeUndefined();
  });
});

describe('prompt tokens', () => {
  it('are estimated from length, without the tokenizer, for a caller the server has not authenticated', () => {
    // 200 kB of one character: the kind of text that made the tokenizer take seconds. The estimate is instant.
    const body = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: '!'.repeat(200_000) }] };
    const started = performance.now();
    const estimate = promptTokensFor(body, { exact: false });
    expect(performance.now() - started).toBeLessThan(20);
    expect(estimate).toBeGreaterThanOrEqual(50_000);
  });

  it('are counted exactly for an authenticated caller, response schema included', () => {
    const messages = [{ role: 'user' as const, content: 'Hello there' }];
    const plain = promptTokensFor({ model: 'gpt-4o', messages }, { exact: true });
    const schema = { type: 'object', properties: { answer: { type: 'string' } } };
    const withSchema = promptTokensFor(
      {
        model: 'gpt-4o',
        messages,
        response_format: { type: 'json_schema', json_schema: { name: 'a', schema } },
      },
      { exact: true },
    );
    expect(plain).toBeGreaterThan(0);
    expect(withSchema).toBeGreaterThan(plain + 5);
  });
});

describe('settling a call', () => {
  it('uses the usage the backend reported; without one, the whole reservation when the server key pays', () => {
    const reported = new UsageTally(10);
    reported.pushJson(JSON.stringify({ choices: [], usage: { total_tokens: 4_105 } }));
    expect(tokensToSettle(reported, 4_106, true)).toBe(4_105);
    const silent = new UsageTally(10);
    silent.pushJson(JSON.stringify({ choices: [{ message: { content: 'Hi' } }] }));
    expect(tokensToSettle(silent, 4_106, true)).toBe(4_106);
    // A learner's own key: the text seen is the best guess, and their own upstream bills them anyway.
    expect(tokensToSettle(silent, 4_106, false)).toBeLessThan(20);
  });

  it('hides only the usage-only chunk from a client that did not ask for it, whatever the chunking', () => {
    const events = [
      'data: {"choices":[{"index":0,"delta":{"content":"Hi"}}],"usage":null}\n\n',
      'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}\n\n',
      'data: {"choices":[],"usage":{"total_tokens":12}}\n\n',
      'data: [DONE]\n\n',
    ];
    const whole = events.join('');
    const bytes = new TextEncoder().encode(whole);
    for (const size of [1, 7, 64, bytes.length]) {
      const filter = new UsageChunkFilter();
      let out = '';
      for (let i = 0; i < bytes.length; i += size)
        out += new TextDecoder().decode(filter.push(bytes.slice(i, i + size)));
      out += new TextDecoder().decode(filter.flush());
      expect(out).toBe(events[0]! + events[1]! + events[3]!);
    }
  });
});

describe('schemas', () => {
  it('nested deeper than any real one are refused with a 400, never a stack overflow', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 40_000; i++) deep = { a: deep };
    const body = {
      messages: [user()],
      tools: [{ type: 'function', function: { name: 'f', parameters: deep } }],
    };
    expect(refusedParam(body)).toBe('tools[0].function.parameters');
    expect(
      refusedParam({
        messages: [user()],
        response_format: { type: 'json_schema', json_schema: { name: 'x', schema: deep } },
      }),
    ).toBe('response_format.json_schema.schema');
  });
});

describe('the 404 for paths under /api/v1 that are not served', () => {
  it('lists every route that is: each app/api/v1 route folder is named in it', async () => {
    const { readdirSync } = await import('node:fs');
    const { SERVED_ROUTES, unknownRoute } = await import('@/lib/proxy/unknown-route');
    const folders = (dir: string, prefix: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        if (!entry.isDirectory() || entry.name.startsWith('[[')) return [];
        const path = `${prefix}/${entry.name.replace(/^\[(\w+)\]$/, '{$1}')}`;
        const here = readdirSync(`${dir}/${entry.name}`).includes('route.ts') ? [path] : [];
        return [...here, ...folders(`${dir}/${entry.name}`, path)];
      });
    const served = SERVED_ROUTES.map((route) => route.split(' ')[1]);
    for (const path of folders('app/api/v1', '/api/v1')) expect(served).toContain(path);
    const response = unknownRoute(new Request('http://localhost/api/v1/embeddings', { method: 'POST' }));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'POST /api/v1/embeddings',
    );
  });
});
