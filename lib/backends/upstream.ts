import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { ApiError, maskKey } from '@/lib/errors';

/**
 * The upstream backend: the `openai` SDK pointed at OpenAI or any OpenAI-compatible server (vLLM, Ollama,
 * llama.cpp). The proxy owns retries and timeouts, so the client does neither; its logger is off, so a key can
 * never reach a log through it.
 */
export interface UpstreamClientOptions {
  baseURL: string;
  apiKey: string;
  /** A backstop only: the proxy enforces its own first-byte and total timeouts. */
  timeoutMs: number;
}

export function createUpstreamClient({ baseURL, apiKey, timeoutMs }: UpstreamClientOptions): OpenAI {
  return new OpenAI({ apiKey, baseURL, maxRetries: 0, timeout: timeoutMs, logLevel: 'off' });
}

/** Response headers worth passing on from a backend error: they tell the client when and whether to retry. */
const KEPT_ERROR_HEADERS = /^(retry-after|retry-after-ms|x-should-retry|x-ratelimit-.*)$/i;

function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret ? out.split(secret).join(maskKey(secret)) : out), text);
}

/**
 * Maps what the SDK threw into the envelope the client gets: a backend's own error keeps its status, body
 * fields and retry headers; a connection failure becomes a 502. Any key in the text is masked.
 */
export function mapBackendError(error: unknown, secrets: readonly string[]): ApiError {
  if (error instanceof APIConnectionTimeoutError) {
    return new ApiError(504, 'The upstream model server did not respond in time.', {
      type: 'timeout',
      code: 'upstream_timeout',
    });
  }
  if (error instanceof APIConnectionError) {
    return new ApiError(
      502,
      // Says what happened, not who should act: the caller may be a learner with a key (who can't change the server)
      // or the operator; the runner's error card adds what the learner can do.
      'Tokenwise could not connect to the upstream model server (the OPENAI_BASE_URL its operator set), so the request was not sent.',
      { type: 'upstream_error', code: 'upstream_unreachable' },
    );
  }
  if (error instanceof APIError && error.status) {
    const headers: Record<string, string> = {};
    (error.headers as Headers | undefined)?.forEach((value: string, name: string) => {
      if (KEPT_ERROR_HEADERS.test(name)) headers[name] = value;
    });
    const body = (error.error ?? {}) as {
      message?: unknown;
      type?: unknown;
      param?: unknown;
      code?: unknown;
    };
    const message =
      typeof body.message === 'string' && body.message
        ? body.message
        : `The upstream model server answered ${error.status}: ${error.message.slice(0, 300)}`;
    return new ApiError(error.status, scrub(message, secrets), {
      type:
        typeof body.type === 'string'
          ? body.type
          : error.status >= 500
            ? 'server_error'
            : 'invalid_request_error',
      param: typeof body.param === 'string' ? body.param : null,
      code: typeof body.code === 'string' || typeof body.code === 'number' ? String(body.code) : null,
      headers,
    });
  }
  return new ApiError(502, 'The upstream model server sent a response Tokenwise could not read.', {
    type: 'upstream_error',
    code: 'upstream_bad_response',
  });
}
