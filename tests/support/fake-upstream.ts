import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small OpenAI-compatible server on 127.0.0.1 for the upstream tests: it answers chat completions (JSON, or
 * SSE when asked to stream), records every request it got, and can be told to fail, stall or hang up.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export type Behaviour =
  /** Answer normally, after `headersDelayMs`; streams send one chunk per piece, `chunkDelayMs` apart. */
  | {
      kind: 'answer';
      pieces?: string[];
      headersDelayMs?: number;
      chunkDelayMs?: number;
      headers?: Record<string, string>;
    }
  /** Answer with this status, body and headers. */
  | { kind: 'error'; status: number; body: unknown; headers?: Record<string, string> }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** Close the socket without answering. */
  | { kind: 'drop' };

export interface FakeUpstream {
  /** Base URL, ending in `/v1`. */
  url: string;
  requests: RecordedRequest[];
  /** Requests the client walked away from before the answer was complete. */
  cancelled: number;
  behaviour: Behaviour;
  /** Resolves at the next client cancel. */
  nextCancel(): Promise<void>;
  close(): Promise<void>;
}

const USAGE_PROMPT_TOKENS = 11;

export async function startFakeUpstream(initial: Behaviour = { kind: 'answer' }): Promise<FakeUpstream> {
  let cancelWaiters: (() => void)[] = [];
  const state: FakeUpstream = {
    url: '',
    requests: [],
    cancelled: 0,
    behaviour: initial,
    nextCancel: () => new Promise((resolve) => cancelWaiters.push(resolve)),
    close: async () => {},
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw || '{}') as Record<string, unknown>;
      } catch {
        // keep the empty body; the test will see it
      }
      state.requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      res.on('close', () => {
        if (!res.writableFinished) {
          state.cancelled++;
          const waiters = cancelWaiters;
          cancelWaiters = [];
          waiters.forEach((resolve) => resolve());
        }
      });
      void respond(state.behaviour, body, req, res);
    });
  });

  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function respond(
  behaviour: Behaviour,
  body: Record<string, unknown>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  if (behaviour.kind === 'hang') return;
  if (behaviour.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  if (behaviour.kind === 'error') {
    res.writeHead(behaviour.status, {
      'content-type': 'application/json',
      'x-request-id': 'req_fake_error',
      ...behaviour.headers,
    });
    res.end(typeof behaviour.body === 'string' ? behaviour.body : JSON.stringify(behaviour.body));
    return;
  }
  const pieces = behaviour.pieces ?? ['Hello', ' from', ' the', ' fake', ' upstream', '.'];
  if (behaviour.headersDelayMs) await sleep(behaviour.headersDelayMs);
  if (res.destroyed) return;
  const model = String(body.model ?? 'unknown');
  const usage = {
    prompt_tokens: USAGE_PROMPT_TOKENS,
    completion_tokens: pieces.length,
    total_tokens: USAGE_PROMPT_TOKENS + pieces.length,
  };
  const base = { id: 'chatcmpl-fake', created: 1_700_000_000, model, system_fingerprint: 'fp_fake' };
  const common = {
    'x-request-id': 'req_fake_upstream',
    'x-ratelimit-limit-requests': '500',
    'x-ratelimit-remaining-requests': '499',
    ...behaviour.headers,
  };
  if (body.stream) {
    res.writeHead(200, { 'content-type': 'text/event-stream', ...common });
    const includeUsage =
      (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    const send = (chunk: unknown) => res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    const chunk = (delta: unknown, finish: string | null) => ({
      ...base,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...(includeUsage ? { usage: null } : {}),
    });
    send(chunk({ role: 'assistant', content: '' }, null));
    for (const piece of pieces) {
      if (behaviour.chunkDelayMs) await sleep(behaviour.chunkDelayMs);
      if (res.destroyed) return;
      send(chunk({ content: piece }, null));
    }
    send(chunk({}, 'stop'));
    if (includeUsage) send({ ...base, object: 'chat.completion.chunk', choices: [], usage });
    res.end('data: [DONE]\n\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', ...common });
  res.end(
    JSON.stringify({
      ...base,
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: pieces.join(''), refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage,
    }),
  );
}
