import { randomUUID } from 'node:crypto';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions/completions';
import { ApiError, errorResponse } from '@/lib/errors';
import { findModel, MODELS } from '@/lib/models/catalog';
import { TIMEOUT_DRILL_HOLD_MS } from '@/lib/runner/drills';
import { complete, toCompletionChunks, toCompletionJson, type SandboxCompletion } from './complete';
import { CALLER_HEADER, PromptCache } from './prompt-cache';
import { DRILL_HEADER, drillError, isDrill, unknownDrill } from './drills';
import type { Recordings } from './recordings';
import { DEFAULT_RETENTION_HOURS, responsesRoute } from './responses/routes';
import { memoryResponsesStore, type ResponsesStore } from './responses/store';

/**
 * The sandbox as a `fetch`: it answers the OpenAI SDK's requests in-process, on the wire format the API uses
 * (JSON, or SSE with `stream: true`), so the same `client.chat.completions.create()` call serves the sandbox and
 * a real upstream.
 */
export interface SandboxFetchOptions {
  recordings: Recordings;
  /**
   * Pause between streamed chunks, so a stream looks like one in the UI.
   * @default 0
   */
  chunkDelayMs?: number;
  /**
   * The server's cap on output tokens (`MAX_OUTPUT_TOKENS`), applied to every sandbox answer.
   * @default DEFAULT_SANDBOX_MAX_OUTPUT_TOKENS (4,096, the variable's own default)
   */
  maxOutputTokens?: number;
  /**
   * Where stored responses live (`POST /responses` with `store` not false), and for how long.
   * @default an in-memory store, 72 hours
   */
  responses?: { store: ResponsesStore; retentionHours?: number };
}

const MODEL_CREATED = 1_700_000_000;
const encoder = new TextEncoder();

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json',
      'x-request-id': `req_sandbox_${randomUUID().replace(/-/g, '')}`,
    },
  });
}

function abortError(signal: AbortSignal | null | undefined): unknown {
  return signal?.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** A connection the server drops: what undici throws when a socket closes mid-body. */
function droppedError(): TypeError {
  return new TypeError('terminated', {
    cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
  });
}

const sleep = (ms: number, signal?: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(abortError(signal))), {
      once: true,
    });
  });

function sseStream(
  completion: SandboxCompletion,
  includeUsage: boolean,
  { delayMs, dropAfter, signal }: { delayMs: number; dropAfter: number | null; signal?: AbortSignal | null },
): ReadableStream<Uint8Array> {
  const chunks = toCompletionChunks(completion, includeUsage);
  let sent = 0;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      if (sent > 0 && delayMs > 0) await sleep(delayMs, signal);
      if (dropAfter != null && sent >= dropAfter) {
        done = true;
        // Give the chunks already sent time to reach the client before the connection goes.
        await sleep(100, signal);
        controller.error(droppedError());
        return;
      }
      const next = chunks.next();
      if (next.done) {
        done = true;
        controller.enqueue(encoder.encode('data: [DONE]\n\n'));
        controller.close();
        return;
      }
      sent++;
      controller.enqueue(encoder.encode(`data: ${JSON.stringify(next.value)}\n\n`));
    },
    cancel() {
      done = true;
      chunks.return(undefined);
    },
  });
}

async function chatCompletions(
  init: RequestInit | undefined,
  options: SandboxFetchOptions,
  promptCache: PromptCache,
): Promise<Response> {
  const headers = new Headers(init?.headers);
  const signal = init?.signal;
  const request = JSON.parse(String(init?.body ?? '{}')) as ChatCompletionCreateParams;
  const drill = headers.get(DRILL_HEADER);

  if (drill && !isDrill(drill)) return errorResponse(unknownDrill(drill));
  if (drill === '401' || drill === '429' || drill === '500')
    return errorResponse(drillError(drill, request.model));
  // A slow answer: nothing starts until the caller gives up (its SDK timeout) or the hold ends, whichever is first.
  if (drill === 'timeout') await sleep(TIMEOUT_DRILL_HOLD_MS, signal);

  let completion: SandboxCompletion;
  try {
    completion = complete(request, {
      recordings: options.recordings,
      maxOutputTokens: options.maxOutputTokens,
      promptCache,
      refuse: drill === 'refusal',
      caller: headers.get(CALLER_HEADER)?.slice(0, 200) ?? '',
    });
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    throw error;
  }

  const requestId = `req_sandbox_${randomUUID().replace(/-/g, '')}`;
  if (request.stream) {
    const body = sseStream(completion, request.stream_options?.include_usage === true, {
      delayMs: options.chunkDelayMs ?? 0,
      // A dropped stream gets its first few chunks out, then the connection goes.
      dropAfter: drill === 'dropped' ? 3 : null,
      signal,
    });
    return new Response(body, {
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'x-request-id': requestId },
    });
  }
  if (drill === 'dropped') {
    const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.error(droppedError()) });
    return new Response(body, { headers: { 'content-type': 'application/json', 'x-request-id': requestId } });
  }
  return new Response(JSON.stringify(toCompletionJson(completion)), {
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
  });
}

function modelObject(id: string) {
  return { id, object: 'model', created: MODEL_CREATED, owned_by: 'tokenwise-sandbox' };
}

export function createSandboxFetch(options: SandboxFetchOptions): typeof fetch {
  // One cache per sandbox, kept apart per caller when the server names one in `x-tokenwise-caller`.
  const promptCache = new PromptCache();
  const responses = {
    recordings: options.recordings,
    maxOutputTokens: options.maxOutputTokens,
    chunkDelayMs: options.chunkDelayMs,
    promptCache,
    store: options.responses?.store ?? memoryResponsesStore(),
    retentionHours: options.responses?.retentionHours ?? DEFAULT_RETENTION_HOURS,
  };
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/\/+$/, '');
    if (path.endsWith('/chat/completions') && method === 'POST')
      return chatCompletions(init, options, promptCache);
    const answered = await responsesRoute(path, method, url, init, responses);
    if (answered) return answered;
    if (path.endsWith('/models') && method === 'GET') {
      return json({ object: 'list', data: MODELS.map((m) => modelObject(m.id)) });
    }
    const retrieve = /\/models\/([^/]+)$/.exec(path);
    if (retrieve && method === 'GET') {
      const id = decodeURIComponent(retrieve[1]!);
      return findModel(id)
        ? json(modelObject(id))
        : errorResponse(
            new ApiError(404, `The model '${id}' does not exist`, {
              param: 'model',
              code: 'model_not_found',
            }),
          );
    }
    return errorResponse(
      new ApiError(404, `Invalid URL (${method} ${url.pathname})`, { code: 'unknown_url' }),
    );
  };
}
