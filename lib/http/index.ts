import 'server-only';

/**
 * The one HTTP kit every route uses: read a JSON body, know who is calling, refuse cross-site posts, and answer
 * (`json`) or fail (`ApiError` thrown, out through `errorResponse`) in OpenAI's envelope. A route reads, parses with
 * its zod schema, calls one `lib/` service function and returns through here.
 */
export { readJsonBody, type ReadJsonOptions } from './body';
export { clientAddress, CLIENT_ADDRESS_HEADER } from './client-address';
export { assertSameOrigin } from './same-origin';
export { json, respond } from './respond';
export { parseOr400 } from './parse';
export { ApiError, apiErrors, errorResponse, newRequestId, type ErrorEnvelope } from '@/lib/errors';
