/**
 * The learner's program runs here: a (classic) Web Worker inside the sandboxed runner frame, which imports the
 * SDK and the program as ES modules from blob: URLs. It gets a Node-like
 * `process` (env, stdout), a console that reports to the page, and a `fetch` that records every exchange with the
 * app's API. One worker per run; the frame terminates it when the run ends, is stopped, or runs out of time.
 */
import { formatArgs } from '@/lib/runner/inspect';
import { rewriteImports } from '@/lib/runner/imports';
import { OutputBudget } from '@/lib/runner/output-cap';
import { DRILL_HEADER, DRILL_TIMEOUT_MS, drillForCall, type RunnerDrill } from '@/lib/runner/drills';
import { failureText } from '@/lib/runner/fetch-failure';
import { parseMaybeJson, SseParser } from '@/lib/runner/sse';
import type { ConsoleLevel, Exchange, SerializedError } from '@/lib/runner/protocol';
import type { WorkerInbound, WorkerOutbound } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorkerOutbound) => scope.postMessage(message);
const realFetch = scope.fetch.bind(scope);
const realSetTimeout = scope.setTimeout.bind(scope);
const realClearTimeout = scope.clearTimeout.bind(scope);
const realSetInterval = scope.setInterval.bind(scope);
const realClearInterval = scope.clearInterval.bind(scope);

/**
 * Request headers worth showing: the SDK's attempt number and timeout, and the drill. An allow-list, so the
 * Authorization header (the learner's key) is never recorded.
 */
const KEPT_REQUEST_HEADERS = /^(x-stainless-retry-count|x-stainless-timeout|x-tokenwise-drill)$/;

/** Headers worth showing beside a response. */
const KEPT_HEADERS =
  /^(x-request-id|x-tokenwise-backend|retry-after|retry-after-ms|x-ratelimit-.*|content-type|x-should-retry)$/;

let sdkUrl = '';
let sdk: { default: { DEFAULT_TIMEOUT: number } } | null = null;
let started = false;
let finished = false;
const budget = new OutputBudget();
const pending = { fetches: 0, timers: new Set<number>() };

scope.addEventListener('message', (event: MessageEvent<WorkerInbound>) => {
  const message = event.data;
  if (message.type === 'init') void init(message.sdk);
  else if (message.type === 'run' && !started) {
    started = true;
    void run(message.code, message.env, message.apiBase, message.drill);
  }
});

async function init(source: string) {
  sdkUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    sdk = (await import(/* webpackIgnore: true */ sdkUrl)) as typeof sdk;
    post({ type: 'warm' });
  } catch (error) {
    post({ type: 'error', error: serializeError(error) });
    post({ type: 'finished', outcome: 'failed', truncated: false });
  }
}

function write(level: ConsoleLevel, text: string) {
  if (finished) return;
  const wasTruncated = budget.truncated;
  const kept = budget.take(text);
  if (kept !== null) post({ type: 'console', level, text: kept });
  if (budget.truncated && !wasTruncated) post({ type: 'truncated' });
}

function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Uncaught', message: formatArgs([error]) };
  const e = error as Error & Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? null : String(v));
  return {
    name: e.constructor?.name && e.constructor.name !== 'Error' ? e.constructor.name : e.name,
    message: e.message,
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...('code' in e ? { code: str(e.code) } : {}),
    ...('type' in e ? { type: str(e.type) } : {}),
    ...('param' in e ? { param: str(e.param) } : {}),
    ...('requestID' in e ? { requestID: str(e.requestID) } : {}),
    ...(e.stack ? { stack: cleanStack(e.stack) } : {}),
  };
}

/** Blob URLs mean nothing to a learner: name the program `main.ts` and drop the SDK's internal frames. */
function cleanStack(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => !sdkUrl || !line.includes(sdkUrl))
    .map((line) => line.replace(/blob:[^\s)]+/g, 'main.js'))
    .join('\n');
}

function fail(error: unknown) {
  if (ending) return;
  post({ type: 'error', error: serializeError(error) });
  finish('failed');
}

/** Exchanges still being recorded (a response body read in parallel with the program). */
const recordings = new Set<Promise<void>>();
let ending = false;

/** Ends the run once the exchanges in flight are recorded (a second at most): the last response often explains it. */
function finish(outcome: 'completed' | 'failed') {
  if (ending) return;
  ending = true;
  const drained = Promise.allSettled([...recordings]);
  void Promise.race([drained, new Promise((resolve) => realSetTimeout(resolve, 1_000))]).then(() => {
    finished = true;
    post({ type: 'finished', outcome, truncated: budget.truncated });
  });
}

function installConsole() {
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();
  let indent = '';
  const out =
    (level: ConsoleLevel) =>
    (...args: unknown[]) => {
      const text = formatArgs(args);
      write(level, (indent ? text.replace(/^/gm, indent) : text) + '\n');
    };
  const log = out('log');
  const consoleShim = {
    log,
    info: out('info'),
    warn: out('warn'),
    error: out('error'),
    debug: out('debug'),
    trace: (...args: unknown[]) => out('error')('Trace:', ...args),
    dir: (value: unknown) => log(value),
    table: (value: unknown) => log(value),
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) out('error')('Assertion failed' + (args.length ? ':' : ''), ...args);
    },
    count: (label = 'default') => {
      const n = (counts.get(label) ?? 0) + 1;
      counts.set(label, n);
      log(`${label}: ${n}`);
    },
    countReset: (label = 'default') => counts.delete(label),
    time: (label = 'default') => timers.set(label, performance.now()),
    timeLog: (label = 'default', ...args: unknown[]) => {
      const start = timers.get(label);
      if (start !== undefined) log(`${label}: ${(performance.now() - start).toFixed(3)}ms`, ...args);
    },
    timeEnd: (label = 'default') => {
      consoleShim.timeLog(label);
      timers.delete(label);
    },
    group: (...args: unknown[]) => {
      if (args.length) log(...args);
      indent += '  ';
    },
    groupEnd: () => {
      indent = indent.slice(2);
    },
  };
  Object.defineProperty(scope, 'console', { value: consoleShim, configurable: true, writable: true });
}

function installProcess(env: Record<string, string>) {
  const stream = (level: ConsoleLevel) => ({
    write: (chunk: unknown) => {
      write(
        level,
        typeof chunk === 'string'
          ? chunk
          : chunk instanceof Uint8Array
            ? new TextDecoder().decode(chunk)
            : String(chunk),
      );
      return true;
    },
    isTTY: false,
  });
  const process: RunnerProcess = {
    env: { ...env },
    argv: ['node', 'main.ts'],
    platform: 'browser',
    // The SDK looks for `process.versions.node` to tell a server from a browser: this runner acts as a server.
    versions: { node: 'tokenwise-runner' },
    version: 'tokenwise-runner',
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    exitCode: undefined as number | undefined,
    cwd: () => '/',
    nextTick: (fn: (...a: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
    on: () => process,
    once: () => process,
    off: () => process,
    exit: (code?: number) => {
      finish((code ?? process.exitCode ?? 0) === 0 ? 'completed' : 'failed');
      throw new ExitSignal();
    },
  };
  Object.defineProperty(scope, 'process', { value: process, configurable: true, writable: true });
  runnerProcess = process;
}

interface RunnerProcess {
  env: Record<string, string | undefined>;
  exitCode: number | undefined;
  [key: string]: unknown;
}
let runnerProcess: RunnerProcess | undefined;

class ExitSignal extends Error {
  constructor() {
    super('process.exit()');
    this.name = 'ExitSignal';
  }
}

/** Timers keep a run alive, as in Node: the run ends when the program has nothing left to wait for. */
function installTimers() {
  const track =
    <A extends unknown[]>(fn: (...args: A) => void, once: boolean, id: () => number) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch (error) {
        if (!(error instanceof ExitSignal)) fail(error);
      } finally {
        if (once) pending.timers.delete(id());
      }
    };
  const g = scope as unknown as Record<string, unknown>;
  g.setTimeout = (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (typeof fn !== 'function') return 0;
    let id = 0;
    id = realSetTimeout(
      track(fn, true, () => id),
      ms,
      ...args,
    );
    pending.timers.add(id);
    return id;
  };
  g.clearTimeout = (id?: number) => {
    if (id !== undefined) pending.timers.delete(id);
    realClearTimeout(id);
  };
  g.setInterval = (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (typeof fn !== 'function') return 0;
    const id: number = realSetInterval(
      track(fn, false, () => id),
      ms,
      ...args,
    );
    pending.timers.add(id);
    return id;
  };
  g.clearInterval = (id?: number) => {
    if (id !== undefined) pending.timers.delete(id);
    realClearInterval(id);
  };
}

function pickHeaders(headers: Headers, allow = KEPT_HEADERS): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (allow.test(name)) kept[name] = value;
  });
  return kept;
}

let exchangeCount = 0;

/** Every request to the app's API is recorded: what was sent, what came back, chunk by chunk for streams. */
function installFetch(apiBase: string, drill: RunnerDrill | null) {
  let drilledCalls = 0;
  const api = new URL(apiBase);
  scope.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const isApi = url.origin === api.origin && url.pathname.startsWith(`${api.pathname}/`);
    if (!isApi) return realFetch(request);
    // Drills apply to the calls that make a model answer: chat completions and `POST /responses`.
    const answers =
      url.pathname === `${api.pathname}/chat/completions` ||
      (url.pathname === `${api.pathname}/responses` && request.method === 'POST');
    if (answers) {
      const header = drillForCall(drill, ++drilledCalls);
      if (header) request.headers.set(DRILL_HEADER, header);
    }

    pending.fetches++;
    const startedAt = Date.now();
    const t0 = performance.now();
    const exchange: Exchange = {
      id: `x${++exchangeCount}`,
      method: request.method,
      path: url.pathname + url.search,
      startedAt,
      durationMs: 0,
      request: request.body ? parseMaybeJson(await request.clone().text()) : null,
      requestHeaders: pickHeaders(request.headers, KEPT_REQUEST_HEADERS),
      status: null,
      headers: {},
    };
    const settle = (error?: string) => {
      exchange.durationMs = Math.round(performance.now() - t0);
      if (error) exchange.error = error;
      if (!finished) post({ type: 'exchange', exchange });
      pending.fetches--;
    };
    let response: Response;
    try {
      response = await realFetch(request);
    } catch (error) {
      settle(
        failureText(error, {
          aborted: request.signal.aborted,
          ms: Math.round(performance.now() - t0),
          drill,
        }),
      );
      throw error;
    }
    exchange.status = response.status;
    exchange.headersAtMs = Math.round(performance.now() - t0);
    exchange.headers = pickHeaders(response.headers);
    const copy = response.clone();
    const recording =
      (response.headers.get('content-type') ?? '').includes('text/event-stream') && copy.body
        ? recordStream(copy.body, exchange, settle, t0)
        : copy
            .text()
            .then((text) => {
              exchange.response = parseMaybeJson(text);
              settle();
            })
            .catch((error: unknown) =>
              settle(
                request.signal.aborted
                  ? failureText(error, {
                      aborted: true,
                      afterHeaders: true,
                      ms: Math.round(performance.now() - t0),
                      drill,
                    })
                  : error instanceof Error
                    ? error.message
                    : String(error),
              ),
            );
    recordings.add(recording);
    void recording.finally(() => recordings.delete(recording));
    return response;
  };
}

async function recordStream(
  body: ReadableStream<Uint8Array>,
  exchange: Exchange,
  settle: (error?: string) => void,
  t0: number,
) {
  const parser = new SseParser();
  const decoder = new TextDecoder();
  const chunks: unknown[] = [];
  // Arrival times feed the output panel's stream timeline (time to first token, gaps between chunks).
  const times: number[] = [];
  exchange.chunks = chunks;
  exchange.chunkTimes = times;
  const keep = (data: string) => {
    if (chunks.length >= 10_000) return;
    chunks.push(parseMaybeJson(data));
    times.push(Math.round(performance.now() - t0));
  };
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const data of parser.push(decoder.decode(value, { stream: true }))) keep(data);
    }
    for (const data of parser.end()) keep(data);
    settle(parser.done ? undefined : 'The stream ended without data: [DONE].');
  } catch (error) {
    settle(`The stream broke off: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Resolves once the program has no request in flight and no timer pending, checked across a few macrotasks. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    let quiet = 0;
    const check = () => {
      if (finished) return resolve();
      quiet = pending.fetches === 0 && pending.timers.size === 0 ? quiet + 1 : 0;
      if (quiet >= 3) resolve();
      else realSetTimeout(check, quiet ? 0 : 10);
    };
    realSetTimeout(check, 0);
  });
}

async function run(code: string, env: Record<string, string>, apiBase: string, drill: RunnerDrill | null) {
  installConsole();
  installProcess({ ...env, OPENAI_BASE_URL: apiBase });
  installTimers();
  installFetch(apiBase, drill);
  scope.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    if (!(event.reason instanceof ExitSignal)) fail(event.reason);
  });
  scope.addEventListener('error', (event) => {
    event.preventDefault();
    fail(event.error ?? new Error(event.message));
  });
  // The timeout drill: the sandbox answers slowly, and the SDK's own timeout (10 minutes unless the program sets one)
  // is made short for this run, so it fires inside the SDK and raises a genuine APIConnectionTimeoutError. A client
  // reads `options.timeout ?? OpenAI.DEFAULT_TIMEOUT` (node_modules/openai/src/client.ts), so a program's own wins.
  // One worker per run: the change never outlives the run.
  if (drill === 'timeout' && sdk) sdk.default.DEFAULT_TIMEOUT = DRILL_TIMEOUT_MS;

  const { code: rewritten, unresolved } = rewriteImports(code, (specifier) =>
    specifier === 'openai' ? sdkUrl : null,
  );
  if (unresolved.length) {
    const name = unresolved[0]!;
    const hint = /^(dotenv|node:|fs$|path$)/.test(name)
      ? ' The runner is a browser sandbox: there is no file system or .env file; set process.env values in your code instead.'
      : '';
    fail(new Error(`Cannot find module '${name}'. Only 'openai' can be imported here.${hint}`));
    return;
  }
  const programUrl = URL.createObjectURL(new Blob([rewritten], { type: 'text/javascript' }));
  try {
    await import(/* webpackIgnore: true */ programUrl);
  } catch (error) {
    if (error instanceof ExitSignal) return;
    fail(error);
    return;
  }
  await whenIdle();
  finish((runnerProcess?.exitCode ?? 0) === 0 ? 'completed' : 'failed');
}
