import { apiErrors } from '@/lib/errors';

/**
 * Same-origin only, for routes a page of this app posts to with the learner's browser: a request another site made
 * (Sec-Fetch-Site, or an Origin whose host differs from the one the request was sent to) is a 403. Requests with
 * neither header are not from a browser, so they cannot be cross-site forgeries.
 */
export function assertSameOrigin(headers: Headers): void {
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw apiErrors.crossOrigin();
  const origin = headers.get('origin');
  if (origin === null) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw apiErrors.crossOrigin();
  }
  const hosts = [headers.get('host'), headers.get('x-forwarded-host')].filter(Boolean);
  if (!hosts.includes(originHost)) throw apiErrors.crossOrigin();
}
