import { expect, test } from '@playwright/test';

/**
 * Learners may be offline: a page must not load anything from another host (fonts, CDNs, analytics). Every request
 * the browser makes while loading each page must go to the app itself.
 */
const PAGES = ['/', '/lessons/chat-completions', '/lessons/no-such-lesson'];

for (const path of PAGES) {
  test(`${path} loads nothing from another host`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) foreign.push(request.url());
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    expect(foreign).toEqual([]);

    // Also read the HTML itself: resources referenced but not yet requested (preloads, lazy images) count too.
    const html = await (await page.request.get(path)).text();
    const external = [...html.matchAll(/<(?:link|script|img|source|iframe)\b[^>]*?\s(?:src|href|srcset)="(https?:)?\/\/[^"]+"/g)].map((m) => m[0]);
    expect(external).toEqual([]);
    expect(html).not.toMatch(/@import\s+url\(\s*['"]?https?:|fonts\.googleapis|fonts\.gstatic/);
  });
}

test('pages carry a CSP and security headers; the runner frame keeps its own policy', async ({ request }) => {
  for (const path of ['/', '/lessons/chat-completions', '/playground', '/settings']) {
    const response = await request.get(path);
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).toContain("connect-src 'self'");
    expect(csp, path).toContain("object-src 'none'");
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
  }
  const runner = await request.get('/runner');
  const policies = runner.headers()['content-security-policy'] ?? '';
  expect(policies).not.toContain("default-src 'self'; script-src 'self' 'unsafe-inline'");
});
