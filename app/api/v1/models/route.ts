import { getProxy } from '@/lib/proxy';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOW = 'GET, OPTIONS';

/** The models this deployment serves (its allow-list), as OpenAI's model list. */
export function GET(request: Request): Promise<Response> {
  return getProxy().listModels(request);
}

export function OPTIONS(request: Request): Response {
  return getProxy().preflight(request, ALLOW);
}

const notAllowed = (request: Request) => getProxy().methodNotAllowed(request, ALLOW);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
