import type OpenAI from 'openai';
import { APIConnectionError, APIConnectionTimeoutError } from 'openai';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions/completions';
import { createHash } from 'node:crypto';
import { CALLER_HEADER, DRILL_HEADER } from '@/lib/backends/sandbox';
import { mapBackendError } from '@/lib/backends/upstream';
import { apiErrors } from '@/lib/errors';
import type { Caller } from './auth';
import type { ProxyConfig } from './config';
import { BACKEND_HEADER } from './http';

/** Where one chat call goes, and who pays for it. */
export interface Backend {
  kind: 'sandbox' | 'upstream';
  client: OpenAI;
  /** The server's key pays: output is capped, extras are refused and the daily budget applies. */
  serverKey: boolean;
  /** Keys that must never appear in anything sent back or logged. */
  secrets: string[];
  /** A learner's key, sent as this request's own Authorization header (never set on a shared client). */
  authorization?: string;
  /** Sandbox only: whose prompt cache the call reads, so one learner never sees another's cached prefix. */
  cacheScope?: string;
}

/** A runner token's id, or a hash of an own key (never the key): stable per learner, meaningless to anyone else. */
export function cacheScopeOf(caller: Caller): string {
  return caller.kind === 'runner'
    ? `rt:${caller.claims.jti}`
    : `key:${createHash('sha256').update(caller.key).digest('base64url').slice(0, 22)}`;
}

export interface BackendClients {
  sandbox: OpenAI;
  serverUpstream: OpenAI | undefined;
  /** One client for learners' keys; each request carries its own key in its headers. */
  learnerUpstream: OpenAI;
}

/** Forces the sandbox for one request, whoever pays otherwise. */
export const FORCE_SANDBOX_HEADER = BACKEND_HEADER;

/** Why the proxy stopped waiting on a backend. */
export class Stopped extends Error {
  constructor(readonly why: 'client' | 'first-byte' | 'total') {
    super(`stopped: ${why}`);
  }
}

/**
 * The sandbox for drills, a forced sandbox, and runner tokens unless live runs are on; the upstream with the
 * server's key for runner tokens when they are; the upstream with the caller's own key otherwise.
 */
export function pickBackend(
  config: ProxyConfig,
  clients: BackendClients,
  caller: Caller,
  headers: Headers,
): Backend {
  const { upstream } = config;
  const sandbox: Backend = {
    kind: 'sandbox',
    client: clients.sandbox,
    serverKey: false,
    secrets: [],
    cacheScope: cacheScopeOf(caller),
  };
  if (headers.get(DRILL_HEADER) || headers.get(FORCE_SANDBOX_HEADER) === 'sandbox') return sandbox;
  if (caller.kind === 'runner') {
    return config.liveRunsForGuests && clients.serverUpstream && upstream.serverKey
      ? { kind: 'upstream', client: clients.serverUpstream, serverKey: true, secrets: [upstream.serverKey] }
      : sandbox;
  }
  if (!config.allowOwnKeys) throw apiErrors.ownKeysOff();
  return {
    kind: 'upstream',
    client: clients.learnerUpstream,
    serverKey: false,
    secrets: [caller.key, ...(upstream.serverKey ? [upstream.serverKey] : [])],
    authorization: `Bearer ${caller.key}`,
  };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/** One SDK call on a backend's client, as a raw Response: `client.chat.completions.create(...)`, `client.responses...`. */
export type BackendCall = (
  client: OpenAI,
  options: { signal: AbortSignal; maxRetries: number; headers: Record<string, string> },
) => { asResponse(): Promise<Response> };

/**
 * One `chat.completions.create()` on the backend (or the SDK call `call` makes), as a raw Response (so SSE bytes
 * pass through untouched). Retried only on a connection failure before any byte came back, and only to the
 * upstream; no first byte within `firstByteTimeoutMs` aborts with `Stopped('first-byte')`.
 */
export async function sendToBackend(
  upstream: ProxyConfig['upstream'],
  backend: Backend,
  body: ChatCompletionCreateParams,
  controller: AbortController,
  drill: string | null,
  call: BackendCall = (client, options) => client.chat.completions.create(body, options),
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const firstByte = setTimeout(
      () => controller.abort(new Stopped('first-byte')),
      upstream.firstByteTimeoutMs,
    );
    try {
      const headers = {
        ...(drill ? { [DRILL_HEADER]: drill } : {}),
        ...(backend.cacheScope ? { [CALLER_HEADER]: backend.cacheScope } : {}),
        ...(backend.authorization ? { authorization: backend.authorization } : {}),
      };
      return await call(backend.client, { signal: controller.signal, maxRetries: 0, headers }).asResponse();
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason;
      const connection = error instanceof APIConnectionError && !(error instanceof APIConnectionTimeoutError);
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
