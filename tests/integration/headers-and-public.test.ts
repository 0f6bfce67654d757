import { describe, expect, it } from 'vitest';

/**
 * Response headers and public files of the running app (TOKENWISE_URL), as a browser receives them.
 */
const BASE = process.env.TOKENWISE_URL;
if (!BASE) console.warn('tests/integration/headers-and-public.test.ts skipped: set TOKENWISE_URL to a running Tokenwise (npm test does).');

const get = (path: string) => fetch(`${BASE}${path}`, { redirect: 'manual' });

describe.skipIf(!BASE)('security headers', () => {
  it('the runner frame keeps its own Referrer-Policy: no-referrer, not the pages’ policy', async () => {
    const runner = await get('/runner');
    await runner.arrayBuffer();
    expect(runner.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('pages keep theirs: strict-origin-when-cross-origin, framed only by the app itself', async () => {
    const page = await get('/');
    await page.arrayBuffer();
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  });

  it.each(['/api/v1/models', '/api/session', '/api/lessons/chat-completions/notes'])(
    'API answers (%s) may not be framed by anyone',
    async (path) => {
      const response = await get(path);
      await response.arrayBuffer();
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );
});

describe.skipIf(!BASE)('public files', () => {
  it.each([
    ['/favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)/],
    ['/icon.svg', /^image\/svg\+xml/],
    ['/og.png', /^image\/png/],
    ['/robots.txt', /^text\/plain/],
  ])('%s is served', async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(type);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('a lesson page links its icons and a preview image, and stays a static page', async () => {
    const response = await get('/lessons/chat-completions');
    const html = await response.text();
    expect(html).toMatch(/<link rel="icon" href="\/favicon\.ico"/);
    expect(html).toMatch(/<link rel="icon" href="\/icon\.svg"[^>]*type="image\/svg\+xml"/);
    expect(html).toMatch(/<meta property="og:image" content="[^"]*\/og\.png"/);
    expect(html).toMatch(/<meta property="og:image:width" content="1200"/);
    // Prerendered at build time: metadataBase must not have made it render per request.
    expect(response.headers.get('cache-control') ?? '').not.toMatch(/no-store|private/);
    expect(response.headers.get('x-nextjs-prerender') ?? response.headers.get('x-nextjs-cache')).toBeTruthy();
  });
});
