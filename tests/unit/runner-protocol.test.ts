import { describe, expect, it } from 'vitest';
import { initialRunState, runReducer, type RunState } from '@/components/runner/run-state';
import { toEventExchanges } from '@/components/runner/run-event';
import { parsePageMessage, parseRunnerMessage, type Exchange } from '@/lib/runner/protocol';
import { frameCsp, requestOrigin } from '@/lib/runner/frame-page';

describe('message parsing', () => {
  it('accepts well-formed messages only', () => {
    expect(parseRunnerMessage({ type: 'console', runId: 'r1', level: 'log', text: 'hi\n' })).toEqual({
      type: 'console',
      runId: 'r1',
      level: 'log',
      text: 'hi\n',
    });
    expect(parseRunnerMessage({ type: 'console', runId: 'r1', level: 'shout', text: 'hi' })).toBeNull();
    expect(parseRunnerMessage({ type: 'console', runId: '', level: 'log', text: 'hi' })).toBeNull();
    expect(parseRunnerMessage({ type: 'done', runId: 'r1', outcome: 'completed', durationMs: 3 })).toBeNull();
    expect(parseRunnerMessage('console')).toBeNull();
    expect(parseRunnerMessage(null)).toBeNull();
  });

  it('bounds what the page may ask the frame to run', () => {
    const run = {
      type: 'run',
      runId: 'r1',
      code: 'console.log(1)',
      env: { OPENAI_API_KEY: 'tw_rt_x' },
      drill: null,
      timeLimitMs: 30_000,
    };
    expect(parsePageMessage(run)).toEqual(run);
    expect(parsePageMessage({ ...run, drill: 'explode' })).toBeNull();
    expect(parsePageMessage({ ...run, timeLimitMs: 3_600_000 })).toBeNull();
    expect(parsePageMessage({ ...run, env: { OPENAI_API_KEY: 42 } })).toBeNull();
    expect(parsePageMessage({ ...run, code: 'x'.repeat(500_001) })).toBeNull();
  });
});

const exchange = (id: string, extra: Partial<Exchange> = {}): Exchange => ({
  id,
  method: 'POST',
  path: '/api/v1/chat/completions',
  startedAt: 0,
  durationMs: 1,
  request: { model: 'gpt-4o-mini' },
  status: 200,
  headers: {},
  response: { object: 'chat.completion' },
  ...extra,
});

describe('runReducer', () => {
  const started = (): RunState =>
    runReducer(runReducer(initialRunState, { type: 'prepare', runId: 'r1' }), {
      type: 'started',
      runId: 'r1',
    });

  it('joins output of one level and keeps levels apart', () => {
    const state = runReducer(started(), {
      type: 'messages',
      messages: [
        { type: 'console', runId: 'r1', level: 'stdout', text: 'Hel' },
        { type: 'console', runId: 'r1', level: 'stdout', text: 'lo' },
        { type: 'console', runId: 'r1', level: 'error', text: 'oops\n' },
      ],
    });
    expect(state.console).toEqual([
      { level: 'stdout', text: 'Hello' },
      { level: 'error', text: 'oops\n' },
    ]);
  });

  it('ignores messages of another run and anything after the end', () => {
    let state = runReducer(started(), {
      type: 'messages',
      messages: [{ type: 'console', runId: 'old', level: 'log', text: 'stale' }],
    });
    expect(state.console).toEqual([]);
    state = runReducer(state, {
      type: 'messages',
      messages: [{ type: 'done', runId: 'r1', outcome: 'timed-out', durationMs: 30_000, truncated: true }],
    });
    expect(state.phase).toBe('done');
    expect(state.notes).toEqual([
      'The run went over its time limit and was stopped.',
      'The program printed more than the output panel keeps; the rest was dropped.',
    ]);
    state = runReducer(state, {
      type: 'messages',
      messages: [{ type: 'console', runId: 'r1', level: 'log', text: 'late' }],
    });
    expect(state.console).toEqual([]);
  });

  it('records exchanges and errors; a failure to start ends the run', () => {
    let state = runReducer(started(), {
      type: 'messages',
      messages: [
        { type: 'exchange', runId: 'r1', exchange: exchange('x1') },
        { type: 'error', runId: 'r1', error: { name: 'RateLimitError', message: '429', status: 429 } },
      ],
    });
    expect(state.exchanges.map((e) => e.id)).toEqual(['x1']);
    expect(state.errors[0]?.name).toBe('RateLimitError');
    state = runReducer(runReducer(initialRunState, { type: 'prepare', runId: 'r2' }), {
      type: 'failed-to-start',
      runId: 'r2',
      error: { name: 'RunnerError', message: 'no frame' },
    });
    expect(state).toMatchObject({ phase: 'done', outcome: 'failed' });
  });
});

describe('the tokenwise:run event', () => {
  it('carries the calls that make a model answer (chat completions, POST /responses): JSON bodies, or chunks for streams', () => {
    const events = toEventExchanges([
      exchange('x1'),
      exchange('x2', { response: undefined, chunks: [{ object: 'chat.completion.chunk' }] }),
      exchange('x3', { path: '/api/v1/models', response: { data: [] } }),
      exchange('x4', { status: null, response: undefined, error: 'dropped' }),
      exchange('x5', { path: '/api/v1/responses', response: { object: 'response' } }),
      exchange('x6', { path: '/api/v1/responses/resp_1', method: 'GET', response: { object: 'response' } }),
    ]);
    expect(events).toEqual([
      {
        endpoint: 'chat.completions',
        request: { model: 'gpt-4o-mini' },
        status: 200,
        response: { object: 'chat.completion' },
      },
      {
        endpoint: 'chat.completions',
        request: { model: 'gpt-4o-mini' },
        status: 200,
        chunks: [{ object: 'chat.completion.chunk' }],
      },
      { endpoint: 'chat.completions', request: { model: 'gpt-4o-mini' }, status: null, response: undefined },
      {
        endpoint: 'responses',
        request: { model: 'gpt-4o-mini' },
        status: 200,
        response: { object: 'response' },
      },
    ]);
  });

  it('keeps the request headers the runner recorded, so a drill challenge can see its drill', () => {
    const [event] = toEventExchanges([exchange('x1', { requestHeaders: { 'x-tokenwise-drill': '429' } })]);
    expect(event?.requestHeaders).toEqual({ 'x-tokenwise-drill': '429' });
  });
});

describe('the runner frame policy', () => {
  it('lets the frame connect to the API and nothing else, sandboxed', () => {
    const csp = frameCsp('http://127.0.0.1:3100', 'abc=');
    expect(csp).toContain('connect-src http://127.0.0.1:3100/api/v1/;');
    expect(csp).toContain("script-src 'sha256-abc=' blob:");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox allow-scripts');
    expect(csp).not.toContain('allow-same-origin');
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('names the origin the browser used, ignoring a malformed Host header', () => {
    expect(
      requestOrigin(new Request('http://localhost:3100/runner', { headers: { host: '127.0.0.1:3100' } })),
    ).toBe('http://127.0.0.1:3100');
    expect(
      requestOrigin(
        new Request('http://localhost:3100/runner', { headers: { host: "evil.com'; script-src *" } }),
      ),
    ).toBe('http://localhost:3100');
  });
});
