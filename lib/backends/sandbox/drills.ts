import { ApiError } from '@/lib/errors';
import { DRILL_HEADER, DRILLS, type Drill } from '@/lib/runner/drills';

/**
 * The sandbox's answers to the error drills (the list itself is defined once, in `lib/runner/drills.ts`, for the
 * browser and the server): a request carrying `x-tokenwise-drill: <kind>` gets that failure instead of an answer,
 * so the error-recovery lessons can be practised without breaking anything real. `refusal` answers with a refusal.
 */
export { DRILL_HEADER, DRILLS, type Drill };

/** How long the 429 drill asks the client to wait: short, so the SDK's own retry is quick to watch. */
export const DRILL_RETRY_AFTER_MS = 200;

const drillNote = (kind: string) => ` (This is a drill: the request carried '${DRILL_HEADER}: ${kind}'.)`;

export function isDrill(value: string): value is Drill {
  return (DRILLS as readonly string[]).includes(value);
}

export function unknownDrill(value: string): ApiError {
  return new ApiError(400, `Unknown drill '${value}'. Use one of: ${DRILLS.join(', ')}.`, {
    param: DRILL_HEADER,
    code: 'invalid_value',
  });
}

/** The failures that are answers (status plus envelope); `timeout` and `dropped` are handled by the transport. */
export function drillError(kind: '401' | '429' | '500', model: string): ApiError {
  switch (kind) {
    case '401':
      return new ApiError(
        401,
        `Incorrect API key provided: sk-drill*****0401. You can find your API key at https://platform.openai.com/account/api-keys.${drillNote(kind)}`,
        { code: 'invalid_api_key' },
      );
    case '429':
      return new ApiError(
        429,
        `Rate limit reached for ${model} in organization org-sandbox on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${DRILL_RETRY_AFTER_MS}ms.${drillNote(kind)}`,
        {
          type: 'requests',
          code: 'rate_limit_exceeded',
          headers: {
            'retry-after': String(Math.ceil(DRILL_RETRY_AFTER_MS / 1000)),
            'retry-after-ms': String(DRILL_RETRY_AFTER_MS),
            'x-ratelimit-limit-requests': '3',
            'x-ratelimit-remaining-requests': '0',
            'x-ratelimit-reset-requests': `${DRILL_RETRY_AFTER_MS}ms`,
            'x-ratelimit-limit-tokens': '30000',
            'x-ratelimit-remaining-tokens': '30000',
            'x-ratelimit-reset-tokens': '0s',
          },
        },
      );
    case '500':
      return new ApiError(
        500,
        `The server had an error while processing your request. Sorry about that!${drillNote(kind)}`,
        { type: 'server_error' },
      );
  }
}
