import { ApiError, errorResponse, newRequestId } from '@/lib/errors';
import { CORS_HEADERS } from './http';

/**
 * What Tokenwise serves under `/api/v1`. A route added there (the Responses API, say) adds its line here, so the
 * 404 for everything else keeps telling the truth.
 */
export const SERVED_ROUTES: readonly string[] = [
  'POST /api/v1/chat/completions',
  'POST /api/v1/responses',
  'GET /api/v1/responses/{id}',
  'DELETE /api/v1/responses/{id}',
  'GET /api/v1/responses/{id}/input_items',
  'GET /api/v1/models',
  'GET /api/v1/models/{model}',
  'GET /api/v1/health',
];

/**
 * The answer to any `/api/v1` path Tokenwise does not serve: a 404 in OpenAI's envelope, naming the method and
 * path and what is served, so an SDK raises `NotFoundError` with a message that says what to do (not a page of
 * HTML as its message). CORS headers included: the runner's SDK must be able to read it.
 */
export function unknownRoute(request: Request): Response {
  const { pathname } = new URL(request.url);
  const error = new ApiError(
    404,
    `Tokenwise does not serve ${request.method} ${pathname}. It serves: ${SERVED_ROUTES.join(', ')}. For other endpoints use the OpenAI API itself (or another compatible server).`,
    { code: 'unknown_url' },
  );
  return errorResponse(error, { ...CORS_HEADERS, 'x-request-id': newRequestId() });
}
