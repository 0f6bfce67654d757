import { DRILL_HEADER } from '@/lib/backends/sandbox';
import { ApiError, apiErrors, clientAddress, newRequestId, readJsonBody } from '@/lib/http';
import {
  rateLimitHeaders,
  type LimitSubject,
  type Limits,
  type Reservation,
  type WindowState,
} from '@/lib/limits';
import type { RunnerScope } from '@/lib/auth/runner-token';
import { authenticate, type Caller } from './auth';
import { pickBackend, sendToBackend, Stopped, type Backend, type BackendClients } from './backend';
import { chatCompletionRequestSchema, type ChatCompletionRequest } from './chat-schema';
import type { ProxyConfig } from './config';
import { BACKEND_HEADER, CORS_HEADERS } from './http';
import { relayJson, relayStream, type RelayOptions } from './relay';
import { checkRequestLimits, prepareForBackend, promptTokensFor, type Prepared } from './request-limits';
import { zodToApiError } from './zod-errors';

export { FORCE_SANDBOX_HEADER } from './backend';

/**
 * `POST /chat/completions`, end to end, as six steps that read top to bottom:
 *
 *   admit    who is calling (runner token or own key) and one request off their per-minute limits
 *   parse    the body: read under the size cap, the schema, this deployment's caps
 *   reserve  the backend it goes to, what it may cost there, and those tokens reserved
 *   send     one `client.chat.completions.create()` on that backend
 *   relay    its bytes to the client (SSE included), usage read on the way
 *   settle   the reservation to what the call really cost (inside relay, once the answer is over)
 *
 * Each step is a function of its inputs, exported so a test can drive it alone.
 */
export interface ChatDeps extends BackendClients {
  config: ProxyConfig;
  limits: Limits;
  log: (entry: Record<string, unknown>) => void;
}

export interface Admitted {
  caller: Caller;
  subject: LimitSubject;
  requests: WindowState;
}

/** Step 1: authenticate, then count one request against the client address and the runner token. */
export async function admit(
  { config, limits }: Pick<ChatDeps, 'config' | 'limits'>,
  request: Request,
  scope: RunnerScope = 'chat.completions',
): Promise<Admitted> {
  const caller = authenticate(request.headers.get('authorization'), config.runnerTokens.secret, scope);
  const subject: LimitSubject = {
    ip: clientAddress(request.headers, config.trustedProxyHops),
    runner:
      caller.kind === 'runner'
        ? { id: caller.claims.jti, rpm: caller.claims.rpm, tpm: caller.claims.tpm }
        : undefined,
  };
  return { caller, subject, requests: await limits.admitRequest(subject) };
}

/** Step 2: the body, read under the size cap, parsed by the schema, within this deployment's caps. */
export async function parse(config: ProxyConfig, request: Request): Promise<ChatCompletionRequest> {
  const raw = await readJsonBody(request, { maxBytes: config.limits.maxBodyBytes });
  const parsed = chatCompletionRequestSchema.safeParse(raw);
  if (!parsed.success) throw zodToApiError(parsed.error, raw);
  checkRequestLimits(parsed.data, config.limits);
  return parsed.data;
}

export interface Reserved extends Prepared {
  backend: Backend;
  reservation: Reservation;
  /** Tokens reserved: the prompt plus every choice's output cap. */
  reserved: number;
  promptTokens: number;
}

/**
 * Step 3: pick the backend, shape the body for it (caps and refusals when the server's key pays), and reserve
 * the prompt plus the output cap. Own-key callers are not tokenized (their key is not checked until the upstream
 * sees it): their prompt is estimated from its length.
 */
export async function reserve(
  deps: Pick<ChatDeps, 'config' | 'limits' | 'sandbox' | 'serverUpstream' | 'learnerUpstream'>,
  admitted: Admitted,
  body: ChatCompletionRequest,
  headers: Headers,
): Promise<Reserved> {
  const { config, limits } = deps;
  const backend = pickBackend(config, deps, admitted.caller, headers);
  const prepared = prepareForBackend(body, backend, config.limits.maxOutputTokens, config.upstream.isOpenAI);
  const promptTokens = promptTokensFor(prepared.body, { exact: admitted.caller.kind === 'runner' });
  const cap = Math.min(
    prepared.body.max_completion_tokens ?? prepared.body.max_tokens ?? config.limits.maxOutputTokens,
    config.limits.maxOutputTokens,
  );
  const reserved = promptTokens + (prepared.body.n ?? 1) * cap;
  const reservation = await limits.reserveTokens(admitted.subject, reserved, {
    serverKey: backend.serverKey,
  });
  return { ...prepared, backend, reservation, reserved, promptTokens };
}

/** Step 4 (`sendToBackend` in `./backend`): one call, retried only on a connection failure before any byte. */
export { sendToBackend as send } from './backend';

/**
 * One call's bookkeeping: its id, its response headers, its log line, and how it can be stopped. Shared with the
 * Responses handler (`lib/responses/handler.ts`), which names its own `entry.route`.
 */
export class Call {
  readonly started = performance.now();
  readonly id = newRequestId();
  readonly entry: Record<string, unknown> = { requestId: this.id, route: 'chat.completions' };
  readonly headers: Record<string, string> = {
    ...CORS_HEADERS,
    'x-request-id': this.id,
    'cache-control': 'no-store',
  };
  limitHeaders: Record<string, string> = {};
  reservation: Reservation | undefined;
  backend: Backend | undefined;
  readonly controller = new AbortController();
  private totalTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onClientGone = () => this.controller.abort(new Stopped('client'));

  constructor(
    private readonly request: Request,
    private readonly upstream: ProxyConfig['upstream'],
    private readonly log: ChatDeps['log'],
  ) {}

  /** From here on the client going away, or the total time running out, stops the backend call. */
  startClock(): void {
    this.request.signal?.addEventListener('abort', this.onClientGone, { once: true });
    this.totalTimer = setTimeout(
      () => this.controller.abort(new Stopped('total')),
      this.upstream.totalTimeoutMs,
    );
  }

  stopClock(): void {
    clearTimeout(this.totalTimer);
    this.request.signal?.removeEventListener('abort', this.onClientGone);
  }

  done(status: number, extra: Record<string, unknown> = {}): void {
    Object.assign(this.entry, { status, ms: Math.round(performance.now() - this.started), ...extra });
    this.log(this.entry);
  }

  /** Any failure, as the client should see it: 499 when it left, 504 on a timeout, else the error's envelope. */
  async fail(error: unknown): Promise<Response> {
    this.stopClock();
    await this.reservation?.settle(0).catch(() => {});
    if (error instanceof Stopped && error.why === 'client') {
      this.done(499, { code: 'client_closed' });
      return new Response(null, { status: 499, headers: this.headers });
    }
    const apiError =
      error instanceof ApiError
        ? error
        : error instanceof Stopped
          ? new ApiError(
              504,
              `The ${this.backend?.kind === 'sandbox' ? 'sandbox' : 'upstream model server'} did not respond within ${error.why === 'first-byte' ? this.upstream.firstByteTimeoutMs : this.upstream.totalTimeoutMs} ms.`,
              { type: 'timeout', code: 'upstream_timeout' },
            )
          : (console.error('proxy error', error), apiErrors.internal());
    this.done(apiError.status, { code: apiError.code });
    return new Response(JSON.stringify(apiError.toJSON()), {
      status: apiError.status,
      headers: {
        'content-type': 'application/json',
        ...this.limitHeaders,
        ...apiError.headers,
        ...this.headers,
      },
    });
  }

  /** A response whose body fails before its first byte: the server then closes the connection without answering. */
  dropped(headers: Record<string, string>): Response {
    this.done(200, { code: 'backend_dropped' });
    return new Response(
      new ReadableStream({ start: (c) => c.error(new Error('backend connection dropped')) }),
      {
        headers,
      },
    );
  }
}

/** The headers an answer goes out with: the backend's content type, the right rate-limit headers, ours. */
export function answerHeaders(
  call: Call,
  response: Response,
  caller: Caller,
  stream: boolean,
): Record<string, string> {
  // A learner's own key: the upstream's rate-limit headers describe that key, so they are the ones to show.
  const upstreamLimits: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name.startsWith('x-ratelimit-')) upstreamLimits[name] = value;
  });
  const out: Record<string, string> = {
    'content-type':
      response.headers.get('content-type') ?? (stream ? 'text/event-stream' : 'application/json'),
    ...(caller.kind === 'own-key' && Object.keys(upstreamLimits).length ? upstreamLimits : call.limitHeaders),
    ...call.headers,
  };
  const upstreamId = response.headers.get('x-request-id');
  if (call.backend?.kind === 'upstream' && upstreamId) out['x-upstream-request-id'] = upstreamId;
  return out;
}

/**
 * Steps 5 and 6 for one call: relay the backend's answer (SSE as it arrives, or JSON whole), settle the
 * reservation, log the call's end. Shared with the Responses handler.
 */
export async function relayAnswer(
  call: Call,
  response: Response,
  caller: Caller,
  reserved: Pick<RelayOptions, 'stream' | 'reservation' | 'reserved' | 'promptTokens' | 'hideUsageChunk'>,
): Promise<Response> {
  const options = {
    ...reserved,
    response,
    headers: answerHeaders(call, response, caller, reserved.stream),
    serverKey: call.backend!.serverKey,
    abort: () => call.controller.abort(new Stopped('client')),
  };
  if (reserved.stream) {
    return relayStream({
      ...options,
      onEnd: (how, tokens) => {
        call.stopClock();
        const reason: unknown = call.controller.signal.reason;
        const end = how === 'broken' ? (reason instanceof Stopped ? reason.why : 'backend_dropped') : how;
        call.done(response.status, { tokens, end });
      },
    });
  }
  try {
    return await relayJson({
      ...options,
      onEnd: (_how, tokens) => {
        call.stopClock();
        call.done(response.status, { tokens });
      },
    });
  } catch {
    call.stopClock();
    const reason: unknown = call.controller.signal.reason;
    if (reason instanceof Stopped) return call.fail(reason);
    return call.dropped(options.headers);
  }
}

export function createChatHandler(deps: ChatDeps) {
  const { config, log } = deps;

  return async function chatCompletions(request: Request): Promise<Response> {
    const call = new Call(request, config.upstream, log);
    let admitted: Admitted;
    let reserved: Reserved;
    let response: Response;
    try {
      admitted = await admit(deps, request);
      call.entry.caller = admitted.caller.kind;
      call.limitHeaders = rateLimitHeaders(admitted.requests, null);

      const body = await parse(config, request);
      call.entry.model = body.model;

      reserved = await reserve(deps, admitted, body, request.headers);
      call.reservation = reserved.reservation;
      call.backend = reserved.backend;
      call.headers[BACKEND_HEADER] = call.entry.backend = reserved.backend.kind;
      call.limitHeaders = rateLimitHeaders(admitted.requests, reserved.reservation.state);

      call.startClock();
      response = await sendToBackend(
        config.upstream,
        reserved.backend,
        reserved.body,
        call.controller,
        request.headers.get(DRILL_HEADER),
      );
    } catch (error) {
      return call.fail(error);
    }

    return relayAnswer(call, response, admitted.caller, {
      stream: reserved.body.stream === true,
      reservation: reserved.reservation,
      reserved: reserved.reserved,
      promptTokens: reserved.promptTokens,
      hideUsageChunk: reserved.hideUsageChunk,
    });
  };
}
