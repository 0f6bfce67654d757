import { errorResponse, routeParams } from '@/lib/http';
import { getProxy } from '@/lib/proxy';
import { CORS_HEADERS } from '@/lib/proxy/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOW = 'GET, OPTIONS';

/** One model of the allow-list; others are 404 `model_not_found`. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ model: string }> },
): Promise<Response> {
  try {
    const { model } = await routeParams(params, new URL(request.url).pathname);
    return await getProxy().retrieveModel(request, model);
  } catch (error) {
    return errorResponse(error, CORS_HEADERS);
  }
}

export function OPTIONS(request: Request): Response {
  return getProxy().preflight(request, ALLOW);
}

const notAllowed = (request: Request) => getProxy().methodNotAllowed(request, ALLOW);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
