import { expect, test } from '@playwright/test';

/**
 * What a page loads before the learner does anything: no prefetched payloads of other pages (Next fetches every
 * linked page in view by default; the index links every lesson), and on a phone-sized lesson page nothing of the
 * editor or the notes, which load as the learner scrolls to them. The byte budget itself is measured by
 * bench/page.mjs.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

for (const path of ['/', '/lessons/chat-completions', '/settings']) {
  test(`${path} fetches no other page's payload while it loads`, async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((url) => new URL(url).searchParams.has('_rsc'))).toEqual([]);
    if (path.startsWith('/lessons/')) {
      const paths = fetched.map((url) => new URL(url).pathname);
      expect(paths.filter((p) => p.endsWith('/notes') || p.startsWith('/generated/editor'))).toEqual([]);
    }
  });
}
