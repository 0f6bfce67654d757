import { describe, expect, test } from 'vitest';
import { assertSameOrigin, clientAddress, readJsonBody } from '@/lib/notes/request';

const headers = (init: Record<string, string>) => new Headers(init);
const json = (body: string, extra: Record<string, string> = {}) =>
  new Request('http://localhost:3000/api/lessons/x/notes', {
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
  test('takes the address the nearest proxy appended', () => {
    expect(clientAddress(headers({ 'x-forwarded-for': '203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientAddress(headers({ 'x-forwarded-for': '1.2.3.4, 198.51.100.7' }))).toBe('198.51.100.7');
    expect(clientAddress(headers({ 'x-real-ip': '198.51.100.8' }))).toBe('198.51.100.8');
    expect(clientAddress(headers({}))).toBe('unknown');
  });
});

describe('readJsonBody', () => {
  test('parses JSON', async () => {
    await expect(readJsonBody(json('{"a":1}'), 100)).resolves.toEqual({ a: 1 });
    await expect(
      readJsonBody(json('{"a":1}', { 'content-type': 'application/json; charset=utf-8' }), 100),
    ).resolves.toEqual({ a: 1 });
  });

  test('refuses a 200 kB body, whatever Content-Length claims', async () => {
    const big = JSON.stringify({ body: 'a'.repeat(200 * 1024) });
    await expect(readJsonBody(json(big), 24 * 1024)).rejects.toMatchObject({
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
    await expect(readJsonBody(lying, 24 * 1024)).rejects.toMatchObject({ code: 'request_too_large' });
  });

  test('refuses other content types (so a cross-site HTML form cannot post) and bad JSON', async () => {
    const form = new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'body=hi',
    });
    await expect(readJsonBody(form, 100)).rejects.toMatchObject({
      code: 'unsupported_media_type',
      status: 415,
    });
    await expect(readJsonBody(json('{nope'), 100)).rejects.toMatchObject({
      code: 'invalid_json',
      status: 400,
    });
  });
});
