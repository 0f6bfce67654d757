import { getProxy } from '@/lib/proxy';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOW = 'GET, OPTIONS';

/** One model of the allow-list; others are 404 `model_not_found`. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ model: string }> },
): Promise<Response> {
  const { model } = await params;
  return getProxy().retrieveModel(request, model);
}

export function OPTIONS(request: Request): Response {
  return getProxy().preflight(request, ALLOW);
}

const notAllowed = (request: Request) => getProxy().methodNotAllowed(request, ALLOW);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
