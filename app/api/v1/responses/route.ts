import { getProxy } from '@/lib/proxy';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOW = 'POST, OPTIONS';

/** OpenAI-compatible `POST /responses`: JSON, or SSE with `stream: true`. */
export function POST(request: Request): Promise<Response> {
  return getProxy().createResponse(request);
}

export function OPTIONS(request: Request): Response {
  return getProxy().preflight(request, ALLOW);
}

const notAllowed = (request: Request) => getProxy().methodNotAllowed(request, ALLOW);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
