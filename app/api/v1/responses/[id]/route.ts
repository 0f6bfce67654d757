import { getProxy } from '@/lib/proxy';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOW = 'GET, DELETE, OPTIONS';
type Params = { params: Promise<{ id: string }> };

/** `GET /responses/{id}`: a stored response, only to the caller who made it. */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return getProxy().retrieveResponse(request, id);
}

/** `DELETE /responses/{id}`: removed at once. */
export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return getProxy().deleteResponse(request, id);
}

export function OPTIONS(request: Request): Response {
  return getProxy().preflight(request, ALLOW);
}

const notAllowed = (request: Request) => getProxy().methodNotAllowed(request, ALLOW);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
