import { createSandboxClient } from '@/lib/backends/sandbox';
import { createUpstreamClient } from '@/lib/backends/upstream';
import { z } from 'zod';
import { MAX_KEY_CHARS, sealKey } from '@/lib/auth/sealed-key';
import {
  apiErrors,
  assertSameOrigin,
  clientAddress,
  errorResponse,
  json,
  newRequestId,
  parseOr400,
  readJsonBody,
} from '@/lib/http';
import { createLimits, rateLimitHeaders } from '@/lib/limits';
import { findModel } from '@/lib/models/catalog';
import { issueRunnerToken } from '@/lib/auth/runner-token';
import { authenticate } from './auth';
import { createResponsesHandler } from '@/lib/responses/handler';
import { createChatHandler } from './chat';
import type { ProxyConfig } from './config';
import { CORS_HEADERS, preflightResponse } from './http';

/** A key to seal: printable, no spaces, and not one of this app's own tokens. */
const sealRequestSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .min(8, 'that is too short to be an API key')
    .max(MAX_KEY_CHARS)
    .regex(/^[\x21-\x7e]+$/, 'an API key has no spaces or unusual characters')
    .refine((k) => !k.startsWith('tw_'), "that is one of Tokenwise's own tokens, not an OpenAI key"),
});

/** Models are listed with a fixed creation time: the catalog has no such date and clients rarely read it. */
const MODEL_CREATED = 1_715_367_049;

/**
 * The proxy: the OpenAI-compatible routes and the runner-token route, built from plain config so tests can point
 * it at a fake upstream. Route handlers stay thin and call into this.
 */
export function createProxy(config: ProxyConfig) {
  const limits = createLimits({
    ipRpm: config.limits.ipRpm,
    ipTpm: config.limits.ipTpm,
    sessionRpm: config.limits.sessionRpm,
    dailyTokenBudget: config.limits.dailyTokenBudget,
    store: { redis: config.redis, prefix: config.redisPrefix },
  });
  const sandbox = createSandboxClient({
    recordings: config.sandbox.recordings,
    chunkDelayMs: config.sandbox.chunkDelayMs,
    maxOutputTokens: config.limits.maxOutputTokens,
    ...(config.sandbox.responses ? { responses: config.sandbox.responses } : {}),
  });
  startResponsesSweep(config.sandbox.responses);
  const serverUpstream = config.upstream.serverKey
    ? createUpstreamClient({
        baseURL: config.upstream.baseURL,
        apiKey: config.upstream.serverKey,
        timeoutMs: config.upstream.totalTimeoutMs,
      })
    : undefined;
  // Its own key is a placeholder that is never sent: every request through it carries the learner's key.
  const learnerUpstream = createUpstreamClient({
    baseURL: config.upstream.baseURL,
    apiKey: 'learner-key-goes-per-request',
    timeoutMs: config.upstream.totalTimeoutMs,
  });
  const log =
    config.log === false
      ? () => {}
      : (config.log ?? ((entry) => console.log(JSON.stringify({ t: new Date().toISOString(), ...entry }))));
  const chat = createChatHandler({ config, limits, sandbox, serverUpstream, learnerUpstream, log });
  const responses = createResponsesHandler({ config, limits, sandbox, serverUpstream, learnerUpstream, log });
  const liveForGuests = config.liveRunsForGuests && Boolean(config.upstream.serverKey);

  const modelObject = (id: string) => ({
    id,
    object: 'model' as const,
    created: MODEL_CREATED,
    owned_by: findModel(id) ? 'openai' : 'upstream',
  });

  /** The models routes: any bearer key may list what this deployment serves. */
  async function models(request: Request, id?: string): Promise<Response> {
    const headers = { ...CORS_HEADERS, 'x-request-id': newRequestId(), 'cache-control': 'no-store' };
    try {
      const caller = authenticate(request.headers.get('authorization'), config.runnerTokens.secret, 'models');
      const runner =
        caller.kind === 'runner'
          ? { id: caller.claims.jti, rpm: caller.claims.rpm, tpm: caller.claims.tpm }
          : undefined;
      const window = await limits.admitRequest({
        ip: clientAddress(request.headers, config.trustedProxyHops),
        runner,
      });
      Object.assign(headers, rateLimitHeaders(window, null));
      if (id === undefined)
        return json({ object: 'list', data: config.limits.allowedModels.map(modelObject) }, 200, headers);
      if (!config.limits.allowedModels.includes(id)) throw apiErrors.modelNotFound(id);
      return json(modelObject(id), 200, headers);
    } catch (error) {
      return errorResponse(error, headers);
    }
  }

  return {
    chatCompletions: (request: Request) => chat(request),
    createResponse: responses.create,
    retrieveResponse: responses.retrieve,
    deleteResponse: responses.delete,
    listResponseInputItems: responses.inputItems,
    listModels: (request: Request) => models(request),
    retrieveModel: (request: Request, id: string) => models(request, id),

    /** `POST /api/session`: a fresh runner token for the lesson runner, rate-limited per IP. */
    async createSession(request: Request): Promise<Response> {
      const headers = { 'x-request-id': newRequestId(), 'cache-control': 'no-store' };
      try {
        await limits.admitSession(clientAddress(request.headers, config.trustedProxyHops));
        const { rpm, tpm, ttlSeconds, secret } = config.runnerTokens;
        const { token, claims } = issueRunnerToken(secret, { ttlSeconds, rpm, tpm });
        return json(
          {
            token,
            expiresAt: new Date(claims.exp * 1000).toISOString(),
            backend: liveForGuests ? 'upstream' : 'sandbox',
            limits: {
              requestsPerMinute: rpm,
              tokensPerMinute: tpm,
              maxOutputTokens: config.limits.maxOutputTokens,
              maxMessages: config.limits.maxMessages,
              maxN: config.limits.maxN,
              models: config.limits.allowedModels,
            },
          },
          200,
          headers,
        );
      } catch (error) {
        return errorResponse(error, headers);
      }
    },

    /**
     * `POST /api/session/key` `{ key }`: the learner's own key, sealed (`lib/auth/sealed-key.ts`) so the runner can
     * use it without the learner's code ever seeing it. Same-origin only and limited like runner tokens.
     */
    async sealOwnKey(request: Request): Promise<Response> {
      const headers = { 'x-request-id': newRequestId(), 'cache-control': 'no-store' };
      try {
        assertSameOrigin(request.headers);
        await limits.admitSession(clientAddress(request.headers, config.trustedProxyHops));
        const { key } = parseOr400(sealRequestSchema, await readJsonBody(request, { maxBytes: 4 * 1024 }));
        if (!config.allowOwnKeys) throw apiErrors.ownKeysOff();
        const { secret, ttlSeconds } = config.runnerTokens;
        return json(sealKey(secret, key, { ttlSeconds }), 200, headers);
      } catch (error) {
        return errorResponse(error, headers);
      }
    },

    preflight: (request: Request, methods: string) => preflightResponse(request, methods),

    /** 405 in the envelope, naming the methods the route does take. */
    methodNotAllowed(request: Request, allow: string, cors = true): Response {
      const error = apiErrors.methodNotAllowed(request.method, new URL(request.url).pathname, allow);
      return errorResponse(error, { ...(cors ? CORS_HEADERS : {}), 'x-request-id': newRequestId() });
    },
  };
}

export type Proxy = ReturnType<typeof createProxy>;

/**
 * Expired stored responses are deleted when the proxy starts and then every `sweepIntervalMs` (the timer never
 * keeps the process alive). Reads already ignore expired ones, so a late sweep only costs disk.
 */
function startResponsesSweep(responses: ProxyConfig['sandbox']['responses']): void {
  if (!responses?.sweepIntervalMs) return;
  const sweep = () => void responses.store.sweep().catch(() => {});
  sweep();
  setInterval(sweep, responses.sweepIntervalMs).unref();
}
