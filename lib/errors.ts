/**
 * The app's one error class, with one way out to HTTP: OpenAI's error envelope
 * `{"error": {"message", "type", "param", "code"}}`. Every JSON route (proxy, session, quiz, notes, moderation)
 * rejects through here, so every SDK raises the same error class for Tokenwise as it would for OpenAI, and the
 * pages read one shape. Browser-safe: no server imports (the components use `maskKey`).
 */

/** The `type` field OpenAI puts in its envelope; rate limits use `requests` or `tokens`. */
export type ApiErrorType =
  | 'invalid_request_error'
  | 'permission_error'
  | 'requests'
  | 'tokens'
  | 'insufficient_quota'
  | 'server_error'
  | 'upstream_error'
  | 'timeout';

/** Every `code` this app emits itself (upstream codes pass through untouched). */
export type ApiErrorCode =
  | 'invalid_api_key'
  | 'missing_api_key'
  | 'expired_api_key'
  | 'insufficient_scope'
  | 'model_not_found'
  | 'unknown_url'
  | 'cross_origin'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'request_too_large'
  | 'invalid_json'
  | 'missing_required_parameter'
  | 'unknown_parameter'
  | 'invalid_type'
  | 'invalid_value'
  | 'unsupported_parameter'
  | 'unsupported_value'
  | 'empty_array'
  | 'array_above_max_length'
  | 'string_above_max_length'
  | 'integer_below_min_value'
  | 'integer_above_max_value'
  | 'decimal_below_min_value'
  | 'decimal_above_max_value'
  | 'context_length_exceeded'
  | 'invalid_json_schema'
  | 'invalid_function_parameters'
  | 'rate_limit_exceeded'
  | 'daily_budget_exceeded'
  | 'upstream_unreachable'
  | 'upstream_timeout'
  | 'upstream_bad_response'
  | 'internal_error';

export interface ApiErrorInit {
  type?: ApiErrorType | (string & {});
  param?: string | null;
  code?: ApiErrorCode | (string & {}) | null;
  /** Extra response headers, e.g. `retry-after` on a 429. */
  headers?: Record<string, string>;
  /** Form field name to message, when a form field is at fault (the notes form shows each in place). */
  fields?: Record<string, string>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;
  readonly headers: Record<string, string>;
  readonly fields?: Record<string, string>;

  constructor(status: number, message: string, init: ApiErrorInit = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = init.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
    this.param = init.param ?? null;
    this.code = init.code ?? null;
    this.headers = init.headers ?? {};
    if (init.fields) this.fields = init.fields;
  }

  toJSON(): ErrorEnvelope {
    const error = { message: this.message, type: this.type, param: this.param, code: this.code };
    return { error: this.fields ? { ...error, fields: this.fields } : error };
  }
}

export interface ErrorEnvelope {
  error: {
    message: string;
    type: string;
    param: string | null;
    code: string | null;
    /** Only on form errors: field name to message. */
    fields?: Record<string, string>;
  };
}

/** A request id in OpenAI's shape, `req_<32 hex>`. */
export function newRequestId(): string {
  // crypto.randomUUID draws from a cached pool (cheap per request) and exists in Node and browsers alike.
  return `req_${crypto.randomUUID().replace(/-/g, '')}`;
}

/**
 * The one way out for a failure: the envelope as a Response, with `x-request-id` (the caller's, else a new one)
 * and `cache-control: no-store`. Anything that is not an `ApiError` is logged and answered as a plain 500, so no
 * internal detail reaches the client. `headers` are merged over the error's own.
 */
export function errorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  const apiError =
    error instanceof ApiError ? error : (console.error('unexpected error:', error), apiErrors.internal());
  return new Response(JSON.stringify(apiError.toJSON()), {
    status: apiError.status,
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'x-request-id': newRequestId(),
      ...apiError.headers,
      ...headers,
    },
  });
}

/** Shows enough of a key to recognise it, as OpenAI does: `sk-abc1*****wxyz`; short keys show nothing. */
export function maskKey(key: string): string {
  return key.length > 11 ? `${key.slice(0, 7)}*****${key.slice(-4)}` : '*****';
}

/** The errors the proxy raises itself, worded as the OpenAI API words them where it has an equivalent. */
export const apiErrors = {
  missingKey: () =>
    new ApiError(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). In Tokenwise, the lesson runner sends a runner token for you; outside it, POST /api/session for one or use your own OpenAI key.",
      { code: 'missing_api_key' },
    ),
  invalidKey: (masked: string, why = '') =>
    new ApiError(401, `Incorrect API key provided: ${masked}.${why ? ` ${why}` : ''}`, {
      code: 'invalid_api_key',
    }),
  expiredKey: (masked: string) =>
    new ApiError(
      401,
      `Incorrect API key provided: ${masked}. This token has expired; reload the page to get a new one.`,
      { code: 'expired_api_key' },
    ),
  ownKeysOff: () =>
    new ApiError(
      403,
      'This Tokenwise server does not pass your own API key upstream (ALLOW_OWN_KEYS is off, the default when OPENAI_BASE_URL is not OpenAI). Forget your key in Settings to run on the sandbox, or ask the operator to turn own keys on.',
      { type: 'permission_error', code: 'own_keys_disabled' },
    ),
  remoteImage: (param: string) =>
    new ApiError(
      400,
      "Only data: image URLs are accepted here: this server's upstream is not OpenAI's API, and Tokenwise does not let it fetch addresses on your behalf. Send the image as a base64 data: URL.",
      { param, code: 'invalid_image_url' },
    ),
  insufficientScope: (scope: string) =>
    new ApiError(403, `You have insufficient permissions for this operation. Missing scopes: ${scope}.`, {
      type: 'permission_error',
      code: 'insufficient_scope',
    }),
  modelNotFound: (model: string) =>
    new ApiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, {
      code: 'model_not_found',
    }),
  methodNotAllowed: (method: string, path: string, allow: string) =>
    new ApiError(405, `Method ${method} is not allowed on ${path}. Use ${allow}.`, {
      code: 'method_not_allowed',
      headers: { allow },
    }),
  unsupportedMediaType: (got: string | null) =>
    new ApiError(
      415,
      `Unsupported content type${got ? ` '${got}'` : ''}. The API expects a JSON body with 'Content-Type: application/json'.`,
      { code: 'unsupported_media_type' },
    ),
  tooLarge: (maxBytes: number) =>
    new ApiError(413, `Request body too large: this server accepts at most ${maxBytes} bytes.`, {
      code: 'request_too_large',
    }),
  invalidJson: () =>
    new ApiError(
      400,
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The API expects a JSON payload, but what was sent was not valid JSON.)",
      { code: 'invalid_json' },
    ),
  crossOrigin: () =>
    new ApiError(403, "This route only answers Tokenwise's own pages: cross-site requests are refused.", {
      type: 'permission_error',
      code: 'cross_origin',
    }),
  badRequest: (message: string, param: string | null, code: ApiErrorCode | null) =>
    new ApiError(400, message, { param, code }),
  internal: () =>
    new ApiError(500, 'The server had an error while processing your request. Sorry about that!', {
      code: 'internal_error',
    }),
};
