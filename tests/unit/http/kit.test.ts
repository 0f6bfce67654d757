import { describe, expect, test, vi } from 'vitest';
import { ApiError, errorResponse } from '@/lib/errors';
import { assertSameOrigin, clientAddress, CLIENT_ADDRESS_HEADER, parseOr400, readJsonBody } from '@/lib/http';
import { z } from 'zod';

const headers = (init: Record<string, string>) => new Headers(init);
const json = (body: string, extra: Record<string, string> = {}) =>
  new Request('http://localhost:3000/api/some/route', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...extra },
    body,
  });

describe('assertSameOrigin', () => {
  test('lets same-origin browser requests and non-browser clients through', () => {
    expect(() =>
      assertSameOrigin(headers({ host: 'localhost:3000', origin: 'http://localhost:3000' })),
    ).not.toThrow();
    expect(() =>
      assertSameOrigin(
        headers({ host: 'localhost:3000', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }),
      ),
    ).not.toThrow();
    expect(() => assertSameOrigin(headers({ host: 'localhost:3000' }))).not.toThrow();
    // Behind a proxy the Host may be internal; the forwarded host is the public one.
    expect(() =>
      assertSameOrigin(
        headers({
          host: '10.0.0.5:3000',
          'x-forwarded-host': 'tokenwise.example',
          origin: 'https://tokenwise.example',
        }),
      ),
    ).not.toThrow();
  });

  test('refuses cross-site requests, including form posts from another site', () => {
    const refused = (init: Record<string, string>) => {
      try {
        assertSameOrigin(headers(init));
      } catch (error) {
        return error as { code: string; status: number };
      }
      return undefined;
    };
    expect(refused({ host: 'localhost:3000', origin: 'https://evil.example' })).toMatchObject({
      code: 'cross_origin',
      status: 403,
    });
    expect(refused({ host: 'localhost:3000', origin: 'http://localhost:3001' })).toBeDefined();
    expect(refused({ host: 'localhost:3000', origin: 'null' })).toBeDefined();
    expect(refused({ host: 'localhost:3000', 'sec-fetch-site': 'cross-site' })).toBeDefined();
    expect(
      refused({ host: 'localhost:3000', 'sec-fetch-site': 'same-site', origin: 'http://localhost:3000' }),
    ).toBeDefined();
  });
});

describe('clientAddress', () => {
  const socket = '198.51.100.7';
  test('with no trusted proxy (hops 0), only the socket address counts: X-Forwarded-For cannot move a client', () => {
    expect(clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: socket }), 0)).toBe(socket);
    const forged = Array.from({ length: 40 }, (_, i) =>
      clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: socket, 'x-forwarded-for': `203.0.113.${i}` }), 0),
    );
    expect(new Set(forged)).toEqual(new Set([socket]));
    expect(clientAddress(headers({ 'x-real-ip': '203.0.113.8', 'x-forwarded-for': '203.0.113.9' }), 0)).toBe(
      'unknown',
    );
  });

  test("without the socket header (not served by Tokenwise's server) every caller shares one bucket", () => {
    expect(clientAddress(headers({}), 0)).toBe('unknown');
    expect(clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: '  ' }), 0)).toBe('unknown');
  });

  test('behind N trusted proxies, the Nth X-Forwarded-For entry from the right', () => {
    const at = (xff: string, hops: number) =>
      clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: '10.0.0.2', 'x-forwarded-for': xff }), hops);
    expect(at('203.0.113.9', 1)).toBe('203.0.113.9');
    expect(at('6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(at('6.6.6.6, 203.0.113.9, 10.0.0.3', 2)).toBe('203.0.113.9');
    // Fewer entries than proxies: the request skipped a proxy, so the header proves nothing; the socket counts.
    expect(at('203.0.113.9', 2)).toBe('10.0.0.2');
    expect(at('', 1)).toBe('10.0.0.2');
  });
});

describe('errorResponse and parseOr400', () => {
  test("every failure leaves in OpenAI's envelope with a request id; the unexpected is a bare 500", async () => {
    const known = errorResponse(
      new ApiError(404, 'No such thing.', { code: 'not_here', headers: { 'retry-after': '1' } }),
    );
    expect(known.status).toBe(404);
    expect(known.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(known.headers.get('retry-after')).toBe('1');
    expect(await known.json()).toEqual({
      error: { message: 'No such thing.', type: 'invalid_request_error', param: null, code: 'not_here' },
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const unexpected = errorResponse(new Error('secret detail'));
    spy.mockRestore();
    expect(unexpected.status).toBe(500);
    expect(unexpected.headers.get('x-request-id')).toMatch(/^req_/);
    const body = (await unexpected.json()) as { error: { message: string; type: string } };
    expect(body.error.type).toBe('server_error');
    expect(body.error.message).not.toContain('secret');
  });

  test('a schema failure is a 400 naming the field', () => {
    const schema = z.strictObject({ lesson: z.string(), answer: z.string().max(3) });
    expect(parseOr400(schema, { lesson: 'a', answer: 'abc' })).toEqual({ lesson: 'a', answer: 'abc' });
    expect(() => parseOr400(schema, { lesson: 'a', answer: 'abcd' })).toThrow(
      expect.objectContaining({ status: 400, code: 'invalid_request', param: 'answer' }),
    );
  });
});

describe('readJsonBody', () => {
  test('parses JSON', async () => {
    await expect(readJsonBody(json('{"a":1}'), { maxBytes: 100 })).resolves.toEqual({ a: 1 });
    await expect(
      readJsonBody(json('{"a":1}', { 'content-type': 'application/json; charset=utf-8' }), { maxBytes: 100 }),
    ).resolves.toEqual({ a: 1 });
  });

  test('refuses a 200 kB body, whatever Content-Length claims', async () => {
    const big = JSON.stringify({ body: 'a'.repeat(200 * 1024) });
    await expect(readJsonBody(json(big), { maxBytes: 24 * 1024 })).rejects.toMatchObject({
      code: 'request_too_large',
      status: 413,
    });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const lying = new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '10' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expect(readJsonBody(lying, { maxBytes: 24 * 1024 })).rejects.toMatchObject({
      code: 'request_too_large',
    });
  });

  test('refuses other content types (so a cross-site HTML form cannot post) and bad JSON', async () => {
    const form = new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'body=hi',
    });
    await expect(readJsonBody(form, { maxBytes: 100 })).rejects.toMatchObject({
      code: 'unsupported_media_type',
      status: 415,
    });
    await expect(readJsonBody(json('{nope'), { maxBytes: 100 })).rejects.toMatchObject({
      code: 'invalid_json',
      status: 400,
    });
  });
});
