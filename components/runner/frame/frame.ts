/**
 * The runner frame: a page served by `app/runner/route.ts` into an iframe with `sandbox="allow-scripts"` (an
 * opaque origin: no cookies, no storage, no access to the app's page) and a CSP that lets it connect only to the
 * app's `/api/v1`. It talks to the page over one MessagePort, handed over once by its parent, and runs each
 * program in a fresh Worker, which it can terminate at any moment. A spare worker with the SDK already
 * loaded waits for the next run, so a run starts without parsing the SDK.
 */
import {
  connectSchema,
  HELLO,
  parsePageMessage,
  type RunnerDrill as Drill,
  type Outcome,
  type RunnerMessage,
} from '@/lib/runner/protocol';
import { OutputBudget } from '@/lib/runner/output-cap';
import { workerMessageSchema, type WorkerInbound } from './worker-protocol';

declare const WORKER_SOURCE: string;

const MAX_EXCHANGES = 200;
const apiBase = new URL('/api/v1', location.href).href;
const workerUrl = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));

let port: MessagePort | null = null;
let sdkSource: string | null = null;
let spare: Promise<Worker> | null = null;

interface CurrentRun {
  runId: string;
  worker: Worker;
  started: number;
  timer: number;
  budget: OutputBudget;
  exchanges: number;
}
let current: CurrentRun | null = null;

function send(message: RunnerMessage) {
  port?.postMessage(message);
}

function spawn(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { name: 'tokenwise-program' });
    const onMessage = (event: MessageEvent) => {
      const parsed = workerMessageSchema.safeParse(event.data);
      if (!parsed.success) return;
      worker.removeEventListener('message', onMessage);
      if (parsed.data.type === 'warm') resolve(worker);
      else {
        worker.terminate();
        reject(
          new Error(
            parsed.data.type === 'error' ? parsed.data.error.message : 'The runner could not load the SDK.',
          ),
        );
      }
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', () => reject(new Error('The runner worker failed to start.')), {
      once: true,
    });
    worker.postMessage({ type: 'init', sdk: sdkSource ?? '' } satisfies WorkerInbound);
  });
}

function prepareSpare() {
  if (!spare && sdkSource !== null) {
    spare = spawn();
    spare.catch(() => {
      spare = null;
    });
  }
}

function end(run: CurrentRun, outcome: Outcome) {
  if (current !== run) return;
  current = null;
  clearTimeout(run.timer);
  run.worker.terminate();
  send({
    type: 'done',
    runId: run.runId,
    outcome,
    durationMs: Math.round(performance.now() - run.started),
    truncated: run.budget.truncated,
  });
  prepareSpare();
}

async function startRun(
  runId: string,
  code: string,
  env: Record<string, string>,
  drill: Drill | null,
  timeLimitMs: number,
) {
  if (current) end(current, 'stopped');
  const started = performance.now();
  const next = spare ?? spawn();
  spare = null;
  let worker: Worker;
  try {
    worker = await next;
  } catch (error) {
    send({
      type: 'error',
      runId,
      error: { name: 'RunnerError', message: error instanceof Error ? error.message : String(error) },
    });
    send({ type: 'done', runId, outcome: 'failed', durationMs: 0, truncated: false });
    return;
  }
  const run: CurrentRun = {
    runId,
    worker,
    started,
    budget: new OutputBudget(),
    exchanges: 0,
    timer: window.setTimeout(() => end(run, 'timed-out'), timeLimitMs),
  };
  current = run;
  // Warm the next run's worker now, while this one runs: a learner who runs again as soon as this run ends (or
  // stops it) finds the SDK already loaded, instead of waiting for a fresh worker to import it.
  prepareSpare();
  worker.addEventListener('message', (event: MessageEvent) => {
    if (current !== run) return;
    const parsed = workerMessageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'console': {
        const text = run.budget.take(message.text);
        if (text !== null) send({ type: 'console', runId, level: message.level, text });
        break;
      }
      case 'exchange':
        if (++run.exchanges <= MAX_EXCHANGES) send({ type: 'exchange', runId, exchange: message.exchange });
        break;
      case 'error':
        send({ type: 'error', runId, error: message.error });
        break;
      case 'truncated':
        run.budget.truncated = true;
        break;
      case 'finished':
        // The worker drops output past its own budget, so it knows best whether anything was cut.
        if (message.truncated) run.budget.truncated = true;
        end(run, message.outcome);
        break;
    }
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    send({
      type: 'error',
      runId,
      error: { name: 'Error', message: event.message || 'The program crashed.' },
    });
    end(run, 'failed');
  });
  worker.postMessage({ type: 'run', code, env, apiBase, drill } satisfies WorkerInbound);
}

function onPageMessage(event: MessageEvent) {
  const message = parsePageMessage(event.data);
  if (!message) return;
  switch (message.type) {
    case 'sdk':
      if (sdkSource !== null) return;
      sdkSource = message.source;
      prepareSpare();
      void spare?.then(() => send({ type: 'ready' })).catch(() => send({ type: 'ready' }));
      break;
    case 'run':
      void startRun(message.runId, message.code, message.env, message.drill, message.timeLimitMs);
      break;
    case 'stop':
      if (current?.runId === message.runId) end(current, 'stopped');
      break;
  }
}

// The port comes once, from the window that embeds this frame; anything else is ignored.
window.addEventListener('message', (event: MessageEvent) => {
  if (port || event.source !== window.parent || !connectSchema.safeParse(event.data).success) return;
  const [received] = event.ports;
  if (!received) return;
  port = received;
  port.onmessage = onPageMessage;
});
window.parent.postMessage({ type: HELLO }, '*');
