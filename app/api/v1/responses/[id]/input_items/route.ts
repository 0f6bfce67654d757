import { getProxy } from '@/lib/proxy';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOW = 'GET, OPTIONS';

/** `GET /responses/{id}/input_items`: the input items of a stored response (`ResponseItemList`). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return getProxy().listResponseInputItems(request, id);
}

export function OPTIONS(request: Request): Response {
  return getProxy().preflight(request, ALLOW);
}

const notAllowed = (request: Request) => getProxy().methodNotAllowed(request, ALLOW);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
