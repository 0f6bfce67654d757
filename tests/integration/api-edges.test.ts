import OpenAI, { NotFoundError } from 'openai';
import { describe, expect, it } from 'vitest';

/**
 * The edges of the running app (`TOKENWISE_URL`): paths under `/api/v1` it does not serve, and paths with a
 * segment that is not valid percent-encoding, each answered with a clean 404 (issue 9; issue 10, finding 9).
 */
const BASE = process.env.TOKENWISE_URL;
if (!BASE)
  console.warn(
    'tests/integration/api-edges.test.ts skipped: set TOKENWISE_URL to a running Tokenwise (npm test does).',
  );

describe.skipIf(!BASE)('the edges of the API', () => {
  it('an endpoint Tokenwise does not serve is a NotFoundError in the SDK, saying what is served', async () => {
    const client = new OpenAI({ baseURL: `${BASE}/api/v1`, apiKey: 'sk-anything-at-all', maxRetries: 0 });
    const error = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hi' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, type: 'invalid_request_error', code: 'unknown_url' });
    const message = (error as NotFoundError).message;
    expect(message).toContain('POST /api/v1/embeddings');
    expect(message).toContain('POST /api/v1/chat/completions');
    expect((error as NotFoundError).requestID).toMatch(/^req_/);
  });

  it.each(['GET', 'DELETE', 'PATCH'])(
    '%s on an unknown path is the same JSON 404, never the HTML page',
    async (method) => {
      const response = await fetch(`${BASE}/api/v1/files/file-abc/content`, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toMatchObject({
        error: { type: 'invalid_request_error', code: 'unknown_url', param: null },
      });
    },
  );

  it('the real routes are not shadowed by the catch-all', async () => {
    const health = await fetch(`${BASE}/api/v1/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const models = await fetch(`${BASE}/api/v1/models`, {
      headers: { authorization: 'Bearer sk-anything-at-all' },
    });
    expect(models.status).toBe(200);
  });

  it.each([
    ['/api/v1/models/%ff', 'application/json'],
    ['/api/lessons/%ff/notes', 'application/json'],
    ['/lessons/%ff', 'text/html'],
  ])('%s is a clean 404, not a 500', async (path, type) => {
    const response = await fetch(`${BASE}${path}`, {
      headers: { authorization: 'Bearer sk-anything-at-all' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain(type);
    if (type === 'application/json') {
      expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    } else {
      expect(await response.text()).toMatch(/<html/i);
    }
  });
});
