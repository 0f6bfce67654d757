import { getProxy } from '@/lib/proxy';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * A runner token for the lesson runner: `{ token, expiresAt, backend, limits }`. No body. Same-origin only (no
 * CORS), so other sites can't read a token out of it.
 */
export function POST(request: Request): Promise<Response> {
  return getProxy().createSession(request);
}

const notAllowed = (request: Request) => getProxy().methodNotAllowed(request, 'POST', false);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
