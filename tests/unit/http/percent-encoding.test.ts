import { describe, expect, it } from 'vitest';
import { repairPercentEncoding } from '../../../scripts/server.mjs';

/**
 * Issue 10, finding 9: a path segment Next can't decode (`%ff`) must reach the routes as literal text, so each
 * answers its own 404 (`tests/integration/api-edges.test.ts` checks the answers on the running app).
 */
const repaired = (url: string) => {
  const req = { url } as { url: string };
  repairPercentEncoding(req);
  return req.url;
};

describe('repairPercentEncoding', () => {
  it('escapes the % signs of a segment that is not valid percent-encoding, and only of that segment', () => {
    expect(repaired('/lessons/%ff')).toBe('/lessons/%25ff');
    expect(repaired('/api/lessons/%ff/notes')).toBe('/api/lessons/%25ff/notes');
    expect(repaired('/api/v1/models/%e2%82/x%20y?q=%ff')).toBe('/api/v1/models/%25e2%2582/x%20y?q=%ff');
    expect(decodeURIComponent(repaired('/lessons/%ff%20'))).toBe('/lessons/%ff%20');
  });

  it('leaves well-formed paths exactly as they came', () => {
    for (const url of [
      '/',
      '/lessons/chat-completions',
      '/lessons/caf%C3%A9',
      '/api/v1/models/gpt-4o?x=%ff',
    ]) {
      expect(repaired(url)).toBe(url);
    }
  });
});
