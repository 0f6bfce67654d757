import type OpenAI from 'openai';
import { APIConnectionError, APIConnectionTimeoutError } from 'openai';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions/completions';
import type { z } from 'zod';
import { DRILL_HEADER } from '@/lib/backends/sandbox';
import { countPromptTokens } from '@/lib/models/tokenizer';
import { mapBackendError } from '@/lib/backends/upstream';
import { ApiError, apiErrors, clientAddress, newRequestId, readJsonBody } from '@/lib/http';
import { rateLimitHeaders, type Limits, type Reservation } from '@/lib/limits';
import { authenticate, type Caller } from './auth';
import type { ProxyConfig } from './config';
import { BACKEND_HEADER, CORS_HEADERS } from './http';
import { capServerPaidOutput, checkRequestLimits } from './request-limits';
import { UsageTally } from './tally';
import { zodToApiError } from './zod-errors';

/**
 * `POST /chat/completions`, end to end: who is calling, their limits, the body, which backend, then one
 * `client.chat.completions.create()` on that backend, its bytes passed through (SSE included) while the usage
 * is tallied to settle the token reservation.
 */
interface Backend {
  kind: 'sandbox' | 'upstream';
  client: OpenAI;
  /** The server's key pays: output is capped and the daily budget applies. */
  serverKey: boolean;
  /** Keys that must never appear in anything sent back or logged. */
  secrets: string[];
  /** A learner's key, sent as this request's own Authorization header (never set on a shared client). */
  authorization?: string;
}

/** Why the proxy stopped waiting on a backend. */
class Stopped extends Error {
  constructor(readonly why: 'client' | 'first-byte' | 'total') {
    super(`stopped: ${why}`);
  }
}

/** Forces the sandbox for one request, whoever pays otherwise. */
export const FORCE_SANDBOX_HEADER = BACKEND_HEADER;

export interface ChatDeps {
  config: ProxyConfig;
  limits: Limits;
  sandbox: OpenAI;
  serverUpstream: OpenAI | undefined;
  /** One client for learners' keys; each request carries its own key in its headers. */
  learnerUpstream: OpenAI;
  log: (entry: Record<string, unknown>) => void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/** A response whose body fails before its first byte: the server then closes the connection without answering. */
function droppedConnection(headers: Record<string, string>): Response {
  return new Response(
    new ReadableStream({ start: (c) => c.error(new Error('backend connection dropped')) }),
    { headers },
  );
}

export function createChatHandler({
  config,
  limits,
  sandbox,
  serverUpstream,
  learnerUpstream,
  log,
}: ChatDeps) {
  const { upstream } = config;

  function pickBackend(caller: Caller, headers: Headers): Backend {
    const sandboxBackend: Backend = { kind: 'sandbox', client: sandbox, serverKey: false, secrets: [] };
    if (headers.get(DRILL_HEADER) || headers.get(FORCE_SANDBOX_HEADER) === 'sandbox') return sandboxBackend;
    if (caller.kind === 'runner') {
      return config.liveRunsForGuests && serverUpstream && upstream.serverKey
        ? { kind: 'upstream', client: serverUpstream, serverKey: true, secrets: [upstream.serverKey] }
        : sandboxBackend;
    }
    return {
      kind: 'upstream',
      client: learnerUpstream,
      serverKey: false,
      secrets: [caller.key, ...(upstream.serverKey ? [upstream.serverKey] : [])],
      authorization: `Bearer ${caller.key}`,
    };
  }

  /** One call, retried only on a connection failure before any byte came back. */
  async function send(
    backend: Backend,
    body: ChatCompletionCreateParams,
    controller: AbortController,
    drill: string | null,
  ): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const firstByte = setTimeout(
        () => controller.abort(new Stopped('first-byte')),
        upstream.firstByteTimeoutMs,
      );
      try {
        const headers = {
          ...(drill ? { [DRILL_HEADER]: drill } : {}),
          ...(backend.authorization ? { authorization: backend.authorization } : {}),
        };
        return await backend.client.chat.completions
          .create(body, { signal: controller.signal, maxRetries: 0, headers })
          .asResponse();
      } catch (error) {
        if (controller.signal.aborted) throw controller.signal.reason;
        const connection =
          error instanceof APIConnectionError && !(error instanceof APIConnectionTimeoutError);
        if (connection && backend.kind === 'sandbox') {
          console.error('sandbox failed', error.cause ?? error);
          throw apiErrors.internal();
        }
        if (!connection || backend.kind !== 'upstream' || attempt >= upstream.retries)
          throw mapBackendError(error, backend.secrets);
        await sleep(100 * 2 ** attempt, controller.signal);
      } finally {
        clearTimeout(firstByte);
      }
    }
  }

  return async function chatCompletions(request: Request, schema: z.ZodType): Promise<Response> {
    const started = performance.now();
    const requestId = newRequestId();
    const entry: Record<string, unknown> = { requestId, route: 'chat.completions' };
    const headers: Record<string, string> = {
      ...CORS_HEADERS,
      'x-request-id': requestId,
      'cache-control': 'no-store',
    };
    let limitHeaders: Record<string, string> = {};
    let reservation: Reservation | undefined;
    let backend: Backend | undefined;
    const done = (response: Response, extra: Record<string, unknown> = {}) => {
      Object.assign(entry, {
        status: response.status,
        ms: Math.round(performance.now() - started),
        ...extra,
      });
      log(entry);
      return response;
    };
    const fail = async (error: unknown): Promise<Response> => {
      await reservation?.settle(0).catch(() => {});
      const timeoutMs =
        error instanceof Stopped && error.why === 'first-byte'
          ? upstream.firstByteTimeoutMs
          : upstream.totalTimeoutMs;
      const apiError =
        error instanceof ApiError
          ? error
          : error instanceof Stopped
            ? new ApiError(
                504,
                `The ${backend?.kind === 'sandbox' ? 'sandbox' : 'upstream model server'} did not respond within ${timeoutMs} ms.`,
                {
                  type: 'timeout',
                  code: 'upstream_timeout',
                },
              )
            : (console.error('proxy error', error), apiErrors.internal());
      const body = JSON.stringify(apiError.toJSON());
      return done(
        new Response(body, {
          status: apiError.status,
          headers: { 'content-type': 'application/json', ...limitHeaders, ...apiError.headers, ...headers },
        }),
        { code: apiError.code },
      );
    };

    const controller = new AbortController();
    const onClientGone = () => controller.abort(new Stopped('client'));
    let totalTimer: ReturnType<typeof setTimeout> | undefined;
    const cleanup = () => {
      clearTimeout(totalTimer);
      request.signal?.removeEventListener('abort', onClientGone);
    };

    let response: Response;
    let stream = false;
    let tally: UsageTally;
    try {
      const ip = clientAddress(request.headers, config.trustedProxyHops);
      const caller = authenticate(
        request.headers.get('authorization'),
        config.runnerTokens.secret,
        'chat.completions',
      );
      entry.caller = caller.kind;
      const subject = {
        ip,
        runner:
          caller.kind === 'runner'
            ? { id: caller.claims.jti, rpm: caller.claims.rpm, tpm: caller.claims.tpm }
            : undefined,
      };
      const requestWindow = await limits.admitRequest(subject);
      limitHeaders = rateLimitHeaders(requestWindow, null);

      const raw = await readJsonBody(request, { maxBytes: config.limits.maxBodyBytes });
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw zodToApiError(parsed.error, raw);
      // The route's schema mirrors the SDK's request type, parameter for parameter.
      let body = parsed.data as ChatCompletionCreateParams;
      entry.model = body.model;
      stream = body.stream === true;
      checkRequestLimits(body, config.limits);

      backend = pickBackend(caller, request.headers);
      headers[BACKEND_HEADER] = backend.kind;
      entry.backend = backend.kind;
      if (backend.serverKey) body = capServerPaidOutput(body, config.limits.maxOutputTokens);

      const promptTokens = countPromptTokens(body.messages, body.tools);
      const cap = Math.min(
        body.max_completion_tokens ?? body.max_tokens ?? config.limits.maxOutputTokens,
        config.limits.maxOutputTokens,
      );
      reservation = await limits.reserveTokens(subject, promptTokens + (body.n ?? 1) * cap, {
        serverKey: backend.serverKey,
      });
      limitHeaders = rateLimitHeaders(requestWindow, reservation.state);
      tally = new UsageTally(promptTokens);

      request.signal?.addEventListener('abort', onClientGone, { once: true });
      totalTimer = setTimeout(() => controller.abort(new Stopped('total')), upstream.totalTimeoutMs);
      response = await send(backend, body, controller, request.headers.get(DRILL_HEADER));
    } catch (error) {
      cleanup();
      if (error instanceof Stopped && error.why === 'client') {
        await reservation?.settle(0).catch(() => {});
        return done(new Response(null, { status: 499, headers }), { code: 'client_closed' });
      }
      return fail(error);
    }

    // A learner's own key: the upstream's rate-limit headers describe that key, so they are the ones to show.
    const upstreamLimits: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name.startsWith('x-ratelimit-')) upstreamLimits[name] = value;
    });
    const out: Record<string, string> = {
      'content-type':
        response.headers.get('content-type') ?? (stream ? 'text/event-stream' : 'application/json'),
      ...(entry.caller === 'own-key' && Object.keys(upstreamLimits).length ? upstreamLimits : limitHeaders),
      ...headers,
    };
    const upstreamId = response.headers.get('x-request-id');
    if (backend.kind === 'upstream' && upstreamId) out['x-upstream-request-id'] = upstreamId;

    if (!stream) {
      let text: string;
      try {
        text = await response.text();
      } catch {
        cleanup();
        const reason: unknown = controller.signal.reason;
        await reservation.settle(tally.totalTokens).catch(() => {});
        if (reason instanceof Stopped && reason.why === 'client')
          return done(new Response(null, { status: 499, headers }), { code: 'client_closed' });
        if (reason instanceof Stopped) return fail(reason);
        return done(droppedConnection(out), { code: 'backend_dropped' });
      }
      cleanup();
      tally.pushJson(text);
      await reservation.settle(tally.totalTokens);
      return done(new Response(text, { status: response.status, headers: out }), {
        tokens: tally.totalTokens,
      });
    }

    const reader = response.body!.getReader();
    let finished = false;
    const finish = (how: string) => {
      if (finished) return;
      finished = true;
      cleanup();
      void reservation.settle(tally.totalTokens).catch(() => {});
      Object.assign(entry, {
        status: response.status,
        ms: Math.round(performance.now() - started),
        tokens: tally.totalTokens,
        end: how,
      });
      log(entry);
    };
    const body = new ReadableStream<Uint8Array>({
      async pull(controllerOut) {
        try {
          const { done: ended, value } = await reader.read();
          if (ended) {
            controllerOut.close();
            finish('done');
            return;
          }
          tally.pushSse(value);
          controllerOut.enqueue(value);
        } catch (error) {
          // The backend broke off (or ran out of time): break off too, so the client sees what happened.
          controllerOut.error(error);
          finish(
            controller.signal.reason instanceof Stopped ? controller.signal.reason.why : 'backend_dropped',
          );
        }
      },
      cancel(reason) {
        controller.abort(new Stopped('client'));
        reader.cancel(reason).catch(() => {});
        finish('client_closed');
      },
    });
    return new Response(body, {
      status: response.status,
      headers: { ...out, 'cache-control': 'no-cache', 'x-accel-buffering': 'no' },
    });
  };
}
