import { getProxy } from '@/lib/proxy';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `{ key }` in, `{ token, expiresAt }` out: the learner's own key sealed for the runner, so code in the editor only
 * ever sees the sealed token. Same-origin only.
 */
export function POST(request: Request): Promise<Response> {
  return getProxy().sealOwnKey(request);
}

const notAllowed = (request: Request) => getProxy().methodNotAllowed(request, 'POST', false);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
