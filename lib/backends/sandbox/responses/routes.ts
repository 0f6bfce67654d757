import { randomUUID } from 'node:crypto';
import { ApiError, errorResponse } from '@/lib/errors';
import { TIMEOUT_DRILL_HOLD_MS } from '@/lib/runner/drills';
import { complete, type SandboxCompletion } from '../complete';
import { DRILL_HEADER, drillError, isDrill, unknownDrill } from '../drills';
import { CALLER_HEADER, type PromptCache } from '../prompt-cache';
import type { Recordings } from '../recordings';
import { toResponse, responseEvents, type ResponseObject } from './build';
import { StoreUnavailableError, type ResponsesStore, type StoredResponse } from './store';
import {
  inResponsesTerms,
  normalizeInput,
  previousNotFound,
  responseNotFound,
  toChatRequest,
  type ResponsesBody,
  type StoredItem,
} from './translate';

/**
 * The sandbox's Responses endpoints, answered in-process like its chat completions: `POST /responses` (JSON, or
 * SSE with `stream: true`), `GET` and `DELETE /responses/{id}`, `GET /responses/{id}/input_items`. Stored
 * responses belong to the caller the proxy names in `x-tokenwise-caller`.
 */
export interface ResponsesRouteOptions {
  recordings: Recordings;
  maxOutputTokens?: number;
  chunkDelayMs?: number;
  promptCache: PromptCache;
  store: ResponsesStore;
  /** How long a stored response lives (`RESPONSES_RETENTION_HOURS`). */
  retentionHours: number;
}

/** Default retention of stored responses, in hours (OpenAI keeps them 30 days, FACTS-COURSE X7). */
export const DEFAULT_RETENTION_HOURS = 72;
/** The most items, and characters of JSON, one stored conversation may hold. */
const MAX_CONTEXT_ITEMS = 2_000;
const MAX_CONTEXT_CHARS = 2_000_000;
/** The most items one `input_items` page returns (spec: 1 to 100, default 20). */
const MAX_PAGE = 100;

const encoder = new TextEncoder();

export function storeUnavailable(): ApiError {
  return new ApiError(
    503,
    "Stored responses are unavailable right now: the sandbox can't reach its database. Requests with `store: false` and no `previous_response_id` still work.",
    { type: 'server_error', code: 'store_unavailable' },
  );
}

const requestId = () => `req_sandbox_${randomUUID().replace(/-/g, '')}`;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': requestId() },
  });
}

async function stored<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw storeUnavailable();
    throw error;
  }
}

const abortError = (signal: AbortSignal | null | undefined): unknown =>
  signal?.reason ?? new DOMException('This operation was aborted', 'AbortError');

const sleep = (ms: number, signal?: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(abortError(signal))), { once: true });
  });

/** The SSE body: one `event:`/`data:` pair per event, paced like the chat stream; `dropAfter` cuts the connection. */
function eventStream(
  response: ResponseObject,
  { delayMs, dropAfter, signal }: { delayMs: number; dropAfter: number | null; signal?: AbortSignal | null },
): ReadableStream<Uint8Array> {
  const events = responseEvents(response);
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent > 0 && delayMs > 0) await sleep(delayMs, signal);
      if (dropAfter != null && sent >= dropAfter) {
        await sleep(100, signal);
        controller.error(new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }));
        return;
      }
      const next = events.next();
      if (next.done) return controller.close();
      sent++;
      controller.enqueue(encoder.encode(`event: ${String(next.value.type)}\ndata: ${JSON.stringify(next.value)}\n\n`));
    },
    cancel() {
      events.return(undefined);
    },
  });
}

async function create(init: RequestInit | undefined, options: ResponsesRouteOptions): Promise<Response> {
  const headers = new Headers(init?.headers);
  const signal = init?.signal;
  const body = JSON.parse(String(init?.body ?? '{}')) as ResponsesBody;
  const owner = headers.get(CALLER_HEADER)?.slice(0, 200) ?? '';
  const drill = headers.get(DRILL_HEADER);
  if (drill && !isDrill(drill)) throw unknownDrill(drill);
  if (drill === '401' || drill === '429' || drill === '500') throw drillError(drill, body.model);
  // A slow answer, held at most TIMEOUT_DRILL_HOLD_MS (or until the caller gives up).
  if (drill === 'timeout') await sleep(TIMEOUT_DRILL_HOLD_MS, signal);

  let context: StoredItem[] = [];
  if (body.previous_response_id) {
    const id = body.previous_response_id;
    const previous = await stored(() => options.store.get(owner, id));
    if (!previous) throw previousNotFound(id);
    // Earlier input and output become this turn's context, and are billed again as input (FACTS-COURSE X7).
    context = [...previous.items, ...(previous.response.output as StoredItem[])];
  }
  const input = normalizeInput(body.input);
  const items = [...context, ...input];
  // A chain grows by one turn per request and each stored response keeps all of it: bounded here, in the API's
  // words for a conversation that no longer fits (the model's context window usually says so first).
  if (items.length > MAX_CONTEXT_ITEMS || JSON.stringify(items).length > MAX_CONTEXT_CHARS) {
    throw new ApiError(
      400,
      `This conversation is too long for the sandbox (${items.length} items). Start a new one without 'previous_response_id'.`,
      { param: 'input', code: 'context_length_exceeded' },
    );
  }

  let completion: SandboxCompletion;
  try {
    completion = complete(toChatRequest(body, items), {
      recordings: options.recordings,
      maxOutputTokens: options.maxOutputTokens,
      promptCache: options.promptCache,
      refuse: drill === 'refusal',
      caller: owner,
    });
  } catch (error) {
    throw error instanceof ApiError ? inResponsesTerms(error) : error;
  }
  const response = toResponse(body, completion);

  if (body.store !== false) {
    const now = new Date();
    const record: StoredResponse = {
      id: response.id,
      owner,
      response,
      items,
      inputCount: input.length,
      createdAt: now,
      expiresAt: new Date(now.getTime() + options.retentionHours * 3_600_000),
    };
    await stored(() => options.store.save(record));
  }

  const id = requestId();
  if (body.stream) {
    const stream = eventStream(response, { delayMs: options.chunkDelayMs ?? 0, dropAfter: drill === 'dropped' ? 3 : null, signal });
    return new Response(stream, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'x-request-id': id } });
  }
  if (drill === 'dropped') {
    const dropped = new ReadableStream<Uint8Array>({ start: (c) => c.error(new TypeError('terminated')) });
    return new Response(dropped, { headers: { 'content-type': 'application/json', 'x-request-id': id } });
  }
  return new Response(JSON.stringify(response), { headers: { 'content-type': 'application/json', 'x-request-id': id } });
}

/** One page of a response's own input items (spec `ResponseItemList`): newest first unless `order=asc`. */
function itemPage(record: StoredResponse, query: URLSearchParams) {
  const own = record.items.slice(record.items.length - record.inputCount);
  const order = query.get('order') === 'asc' ? 'asc' : 'desc';
  const ordered = order === 'asc' ? own : [...own].reverse();
  const limit = Math.min(Math.max(Number(query.get('limit') ?? 20) || 20, 1), MAX_PAGE);
  const after = query.get('after');
  const start = after ? ordered.findIndex((item) => item.id === after) + 1 : 0;
  const data = ordered.slice(start, start + limit);
  return {
    object: 'list',
    data,
    has_more: start + limit < ordered.length,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
  };
}

/**
 * Answers a Responses path, or returns null when `path` is not one. Errors are answered in the API's envelope.
 */
export async function responsesRoute(
  path: string,
  method: string,
  url: URL,
  init: RequestInit | undefined,
  options: ResponsesRouteOptions,
): Promise<Response | null> {
  const match = /\/responses(?:\/([^/]+)(\/input_items)?)?$/.exec(path);
  if (!match) return null;
  const id = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
  const owner = new Headers(init?.headers).get(CALLER_HEADER)?.slice(0, 200) ?? '';
  try {
    if (id === undefined) return method === 'POST' ? await create(init, options) : null;
    if (match[2]) {
      if (method !== 'GET') return null;
      const record = await stored(() => options.store.get(owner, id));
      if (!record) throw responseNotFound(id);
      return json(itemPage(record, url.searchParams));
    }
    if (method === 'GET') {
      const record = await stored(() => options.store.get(owner, id));
      if (!record) throw responseNotFound(id);
      return json(record.response);
    }
    if (method === 'DELETE') {
      if (!(await stored(() => options.store.delete(owner, id)))) throw responseNotFound(id);
      // The spec's example body (FACTS-COURSE X9); the node SDK reads nothing of it.
      return json({ id, object: 'response', deleted: true });
    }
    return null;
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    throw error;
  }
}
