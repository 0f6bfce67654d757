import OpenAI, { BadRequestError, RateLimitError } from 'openai';
import { afterAll, describe, expect, it } from 'vitest';
import { createProxy } from '@/lib/proxy/proxy';
import { startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { testConfig } from '../../support/proxy-config';
import { serveRoutes, type ServedApp } from '../../support/serve-routes';

/**
 * The server key's daily budget holds for streams as it does for JSON answers (issue 10, finding 6): the proxy
 * asks a server-paid stream for its usage, settles at that usage (reasoning tokens included, which the visible text
 * never shows), and refuses what it cannot price before the call.
 */
const SERVER_KEY = 'sk-server-SECRET-budget-test-0123456789';
// The fake upstream bills 11 prompt tokens plus one per piece; empty pieces stand for reasoning tokens, billed
// but never seen in the text: 4,094 of them make 4,105 tokens a call.
const BILLED = 4_105;
const pieces = Array.from({ length: BILLED - 11 }, () => '');

let fake: FakeUpstream;
let app: ServedApp;
const opened: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(opened.map((o) => o.close())));

async function liveRunner(budget: number): Promise<OpenAI> {
  fake = await startFakeUpstream({ kind: 'answer', pieces });
  app = await serveRoutes(
    createProxy(
      testConfig({
        liveRunsForGuests: true,
        upstream: { baseURL: fake.url, serverKey: SERVER_KEY },
        limits: { dailyTokenBudget: budget, maxOutputTokens: 4_096 },
      }),
    ),
  );
  opened.push(app, fake);
  const session = (await (await fetch(`${app.origin}/api/session`, { method: 'POST' })).json()) as {
    token: string;
  };
  return new OpenAI({ apiKey: session.token, baseURL: app.baseURL, maxRetries: 0 });
}

describe("the server key's daily budget", () => {
  it('10 streamed calls billing 4,105 tokens each against 10,000: 2 answers, 8 refusals', async () => {
    const client = await liveRunner(10_000);
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      try {
        const stream = await client.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'Hi' }],
          stream: true,
        });
        const chunks = [];
        for await (const chunk of stream) chunks.push(chunk);
        // The proxy asked for usage; this client did not, so it never sees the usage-only chunk.
        expect(chunks.some((c) => c.choices.length === 0)).toBe(false);
        outcomes.push('answer');
      } catch (error) {
        expect(error).toBeInstanceOf(RateLimitError);
        expect(error).toMatchObject({ code: 'daily_budget_exceeded' });
        outcomes.push('429');
      }
    }
    expect(outcomes.filter((o) => o === 'answer')).toHaveLength(2);
    expect(outcomes.filter((o) => o === '429')).toHaveLength(8);
    expect(fake.requests).toHaveLength(2);
    for (const request of fake.requests) expect(request.body.stream_options).toEqual({ include_usage: true });
  });

  it('a client that asked for usage gets its usage chunk', async () => {
    const client = await liveRunner(100_000);
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let usage: number | undefined;
    for await (const chunk of stream) usage = chunk.usage?.total_tokens ?? usage;
    expect(usage).toBe(BILLED);
  });

  it.each([
    [
      'an image part',
      {
        messages: [
          {
            role: 'user' as const,
            content: [
              { type: 'text' as const, text: 'What is this?' },
              { type: 'image_url' as const, image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            ],
          },
        ],
      },
      'messages[0].content[1]',
    ],
    ['a prediction', { prediction: { type: 'content' as const, content: 'Hello' } }, 'prediction'],
    ['the priority tier', { service_tier: 'priority' as const }, 'service_tier'],
  ])('refuses %s on the server key with a clear 400, before any call upstream', async (_, extra, param) => {
    const client = await liveRunner(100_000);
    const error = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], ...extra })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ param, code: 'unsupported_parameter' });
    expect((error as BadRequestError).message).toMatch(/your own API key/);
    expect(fake.requests).toHaveLength(0);
  });
});
