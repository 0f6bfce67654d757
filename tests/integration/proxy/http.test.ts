import OpenAI, { RateLimitError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxy } from '@/lib/proxy/proxy';
import { testConfig } from '../../support/proxy-config';
import { serveRoutes, type ServedApp } from '../../support/serve-routes';

/** The route's HTTP contract, over real HTTP: methods, content types, size cap, CORS, per-token and per-IP limits. */
let app: ServedApp;
let token: string;

const session = async () =>
  ((await (await fetch(`${app.origin}/api/session`, { method: 'POST' })).json()) as { token: string }).token;

beforeAll(async () => {
  app = await serveRoutes(
    createProxy(testConfig({ limits: { maxBodyBytes: 2_000, sessionRpm: 5 }, runnerTokens: { rpm: 4 } })),
  );
  token = await session();
});
afterAll(() => app?.close());

async function envelope(response: Response) {
  expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = (await response.json()) as {
    error: { message: string; type: string; param: unknown; code: unknown };
  };
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  return body.error;
}

describe('the HTTP contract of /api/v1/chat/completions', () => {
  const url = () => `${app.baseURL}/chat/completions`;
  const auth = () => ({ authorization: `Bearer ${token}` });

  it('405 for a wrong method, naming the right one', async () => {
    const response = await fetch(url(), { headers: auth() });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST, OPTIONS');
    expect(await envelope(response)).toMatchObject({
      code: 'method_not_allowed',
      type: 'invalid_request_error',
    });
  });

  it('415 for a body that is not JSON by content type', async () => {
    const response = await fetch(url(), {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(response.status).toBe(415);
    expect(await envelope(response)).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('413 for a body over the cap, declared or streamed', async () => {
    const big = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x'.repeat(3_000) }] });
    const declared = await fetch(url(), {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(await envelope(declared)).toMatchObject({ code: 'request_too_large' });
    const chunked = await fetch(url(), {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('400 in the envelope for invalid JSON', async () => {
    const response = await fetch(url(), {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: '{"model": ',
    });
    expect(response.status).toBe(400);
    expect((await envelope(response)).message).toMatch(/could not parse the JSON body/);
  });

  it('answers the runner iframe preflight (Origin: null), echoing the requested headers', async () => {
    const response = await fetch(url(), {
      method: 'OPTIONS',
      headers: {
        origin: 'null',
        'access-control-request-method': 'POST',
        'access-control-request-headers':
          'authorization, content-type, x-stainless-os, x-stainless-retry-count, x-tokenwise-drill',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = response.headers.get('access-control-allow-headers')!.split(', ');
    expect(allowed).toEqual(
      expect.arrayContaining([
        'authorization',
        'content-type',
        'x-stainless-os',
        'x-stainless-retry-count',
        'x-tokenwise-drill',
      ]),
    );
  });

  it('lets the iframe read the answer and its headers', async () => {
    const response = await fetch(url(), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await session()}`,
        origin: 'null',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = response.headers.get('access-control-expose-headers')!;
    for (const name of [
      'x-request-id',
      'x-ratelimit-remaining-requests',
      'retry-after',
      'x-tokenwise-backend',
    ])
      expect(exposed).toContain(name);
  });
});

describe('limits per runner token and per IP', () => {
  it('a runner token gets its own requests per minute, then a 429 with retry-after the SDK can read', async () => {
    const fresh = await session();
    const client = new OpenAI({ apiKey: fresh, baseURL: app.baseURL, maxRetries: 0 });
    const ask = () =>
      client.chat.completions
        .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] })
        .withResponse();
    const remaining = [];
    for (let i = 0; i < 4; i++)
      remaining.push((await ask()).response.headers.get('x-ratelimit-remaining-requests'));
    expect(remaining).toEqual(['3', '2', '1', '0']);
    const error = await ask().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limit_exceeded', type: 'requests' });
    const retryAfter = Number((error as RateLimitError).headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another token is counted on its own.
    const other = new OpenAI({ apiKey: await session(), baseURL: app.baseURL, maxRetries: 0 });
    await expect(
      other.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }),
    ).resolves.toBeTruthy();
  });

  it('POST /api/session is rate-limited per IP', async () => {
    const results = [];
    for (let i = 0; i < 5; i++)
      results.push((await fetch(`${app.origin}/api/session`, { method: 'POST' })).status);
    expect(results).toContain(429);
    const limited = await fetch(`${app.origin}/api/session`, { method: 'POST' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('the IP limit counts every caller from one address, X-Forwarded-For decides which', async () => {
    const ipApp = await serveRoutes(createProxy(testConfig({ limits: { ipRpm: 2 } })));
    try {
      const call = (ip: string) =>
        fetch(`${ipApp.baseURL}/models`, {
          headers: { authorization: 'Bearer sk-anything-at-all', 'x-forwarded-for': ip },
        }).then((r) => r.status);
      expect([await call('10.0.0.1'), await call('10.0.0.1'), await call('10.0.0.1')]).toEqual([
        200, 200, 429,
      ]);
      expect(await call('10.0.0.2')).toBe(200);
      // Only the last hop counts: a client can't pick a fresh address by prepending one.
      expect(await call('1.2.3.4, 10.0.0.1')).toBe(429);
    } finally {
      await ipApp.close();
    }
  });
});
