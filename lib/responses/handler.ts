import { DRILL_HEADER } from '@/lib/backends/sandbox';
import { responseNotFound } from '@/lib/backends/sandbox/responses/translate';
import { readJsonBody } from '@/lib/http';
import { rateLimitHeaders } from '@/lib/limits';
import { pickBackend, sendToBackend, type Backend, type BackendCall } from '@/lib/proxy/backend';
import { admit, answerHeaders, Call, relayAnswer, type Admitted, type ChatDeps } from '@/lib/proxy/chat';
import { BACKEND_HEADER } from '@/lib/proxy/http';
import { zodToApiError } from '@/lib/proxy/zod-errors';
import type { Reservation } from '@/lib/limits';
import { checkResponsesLimits, inputTokensFor, prepareResponsesBody } from './limits';
import { passThroughRequestSchema, responsesRequestSchema, type ResponsesBody } from './schema';

/**
 * The Responses API through the proxy, in the same steps as chat completions (`lib/proxy/chat.ts`) and with its
 * helpers: admit (scope `responses`), then the backend (picked before the body is parsed, since a learner's own
 * key passes every field upstream unchanged while the sandbox and the server's key get the full schema), parse,
 * reserve, send, relay, settle. `GET`/`DELETE /responses/{id}` and `input_items` are admitted and sent the same
 * way, without a token reservation.
 */

/** Step 2: the body under the size cap; the full schema, or the pass-through one for an own key upstream; the caps. */
export async function parseResponses(deps: Pick<ChatDeps, 'config'>, request: Request, backend: Backend): Promise<ResponsesBody> {
  const raw = await readJsonBody(request, { maxBytes: deps.config.limits.maxBodyBytes });
  const schema = backend.kind === 'upstream' && !backend.serverKey ? passThroughRequestSchema : responsesRequestSchema;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw zodToApiError(parsed.error, raw);
  const body = parsed.data as ResponsesBody;
  checkResponsesLimits(body, deps.config.limits);
  return body;
}

export interface ReservedResponse {
  body: ResponsesBody;
  reservation: Reservation;
  reserved: number;
  inputTokens: number;
}

/** Step 3: shape the body for its backend and reserve its input plus its output cap. */
export async function reserveResponse(
  deps: Pick<ChatDeps, 'config' | 'limits'>,
  admitted: Admitted,
  backend: Backend,
  parsed: ResponsesBody,
): Promise<ReservedResponse> {
  const { config, limits } = deps;
  const body = prepareResponsesBody(parsed, backend, config.limits.maxOutputTokens, config.upstream.isOpenAI);
  const inputTokens = inputTokensFor(body, { exact: admitted.caller.kind === 'runner' });
  const cap = Math.min(body.max_output_tokens ?? config.limits.maxOutputTokens, config.limits.maxOutputTokens);
  const reserved = inputTokens + cap;
  const reservation = await limits.reserveTokens(admitted.subject, reserved, { serverKey: backend.serverKey });
  return { body, reservation, reserved, inputTokens };
}

const path = (id: string, rest = '') => `/responses/${encodeURIComponent(id)}${rest}`;

/** The query a `GET` forwards: the spec's parameters only (`include[]`, `stream`, `limit`, `order`, `after`). */
function forwardedQuery(url: URL): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  const include = [...url.searchParams.getAll('include[]'), ...url.searchParams.getAll('include')];
  if (include.length) query.include = include.slice(0, 32);
  for (const key of ['limit', 'order', 'after', 'stream']) {
    const value = url.searchParams.get(key);
    if (value !== null) query[key] = value.slice(0, 256);
  }
  return query;
}

export function createResponsesHandler(deps: ChatDeps) {
  const { config, log } = deps;

  /** `POST /responses`. */
  async function create(request: Request): Promise<Response> {
    const call = new Call(request, config.upstream, log);
    call.entry.route = 'responses';
    let admitted: Admitted;
    let reserved: ReservedResponse;
    let response: Response;
    try {
      admitted = await admit(deps, request, 'responses');
      call.entry.caller = admitted.caller.kind;
      call.limitHeaders = rateLimitHeaders(admitted.requests, null);
      const backend = pickBackend(config, deps, admitted.caller, request.headers);
      call.backend = backend;
      call.headers[BACKEND_HEADER] = call.entry.backend = backend.kind;

      const body = await parseResponses(deps, request, backend);
      call.entry.model = body.model;

      reserved = await reserveResponse(deps, admitted, backend, body);
      call.reservation = reserved.reservation;
      call.limitHeaders = rateLimitHeaders(admitted.requests, reserved.reservation.state);

      call.startClock();
      const send: BackendCall = (client, options) =>
        client.post('/responses', { body: reserved.body, stream: reserved.body.stream === true, ...options });
      // The chat body is unused when a call is given.
      response = await sendToBackend(config.upstream, backend, undefined as never, call.controller, request.headers.get(DRILL_HEADER), send);
    } catch (error) {
      return call.fail(error);
    }

    return relayAnswer(call, response, admitted.caller, {
      stream: reserved.body.stream === true,
      reservation: reserved.reservation,
      reserved: reserved.reserved,
      promptTokens: reserved.inputTokens,
      hideUsageChunk: false,
    });
  }

  /** `GET`/`DELETE /responses/{id}` and `GET /responses/{id}/input_items`: admitted, sent, answered whole. */
  async function stored(request: Request, route: string, send: BackendCall): Promise<Response> {
    const call = new Call(request, config.upstream, log);
    call.entry.route = route;
    try {
      const admitted = await admit(deps, request, 'responses');
      call.entry.caller = admitted.caller.kind;
      call.limitHeaders = rateLimitHeaders(admitted.requests, null);
      const backend = pickBackend(config, deps, admitted.caller, request.headers);
      call.backend = backend;
      call.headers[BACKEND_HEADER] = call.entry.backend = backend.kind;
      // Nothing is stored upstream on the server's key (see `prepareResponsesBody`), so there is nothing to find.
      if (backend.serverKey) throw responseNotFound(new URL(request.url).pathname.split('/')[4] ?? '');
      call.startClock();
      const response = await sendToBackend(config.upstream, backend, undefined as never, call.controller, null, send);
      const text = await response.text();
      call.stopClock();
      call.done(response.status);
      return new Response(text, { status: response.status, headers: answerHeaders(call, response, admitted.caller, false) });
    } catch (error) {
      return call.fail(error);
    }
  }

  return {
    create,
    retrieve: (request: Request, id: string) =>
      stored(request, 'responses.retrieve', (client, options) => client.get(path(id), { query: forwardedQuery(new URL(request.url)), ...options })),
    delete: (request: Request, id: string) =>
      stored(request, 'responses.delete', (client, options) => client.delete(path(id), options)),
    inputItems: (request: Request, id: string) =>
      stored(request, 'responses.input_items', (client, options) =>
        client.get(path(id, '/input_items'), { query: forwardedQuery(new URL(request.url)), ...options }),
      ),
  };
}
