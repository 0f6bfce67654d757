import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions/completions';
import { describe, expect, it } from 'vitest';
import { checkRun } from '@/lib/quiz/challenges';
import { runExchangeSchema, type RunExchange } from '@/lib/quiz/exchange';
import { readPath } from '@/lib/quiz/path';
import { replayOnSandbox } from '@/lib/quiz/replay';
import { challengeSchema, type Challenge } from '@/lib/quiz/schema';
import { createSandboxClient } from '@/lib/backends/sandbox';

const sandbox = createSandboxClient();
const system = { role: 'system' as const, content: 'You are a patient tutor.' };
const ask = (content: string) => ({ role: 'user' as const, content });

async function answered(
  request: { model: string; messages: unknown[] } & Record<string, unknown>,
): Promise<RunExchange> {
  const response = await sandbox.chat.completions.create({
    ...(request as unknown as ChatCompletionCreateParamsNonStreaming),
    stream: false,
  });
  return runExchangeSchema.parse({ request, status: 200, response: JSON.parse(JSON.stringify(response)) });
}

const failed = (request: Record<string, unknown>, status: number, drill = String(status)): RunExchange =>
  runExchangeSchema.parse({
    request,
    requestHeaders: { 'x-tokenwise-drill': drill },
    status,
    response: { error: { message: 'drill' } },
  });

const challenge = (rule: unknown, extra: Record<string, unknown> = {}): Challenge =>
  challengeSchema.parse({
    id: 'c',
    title: 'A challenge',
    prompt: 'Do it.',
    hint: 'Like so.',
    source: 'cost',
    rule,
    ...extra,
  });

describe('readPath', () => {
  const data = {
    choices: [{ message: { tool_calls: [{ id: 'a' }, { id: 'b' }], content: 'hey' } }],
    constructor: 1,
  };
  it('follows fields, indexes and a final length, and nothing else', () => {
    expect(readPath(data, 'choices[0].message.tool_calls.length')).toBe(2);
    expect(readPath(data, 'choices[0].message.content.length')).toBe(3);
    expect(readPath(data, 'choices[0].message.tool_calls[1].id')).toBe('b');
    expect(readPath(data, 'choices[1].message')).toBeUndefined();
    expect(readPath({}, 'toString')).toBeUndefined();
    expect(readPath([], 'length')).toBe(0);
  });
});

describe('field rules', () => {
  it('check a request field and a response field, on the replay too', async () => {
    const run = [
      await answered({ model: 'gpt-4o-mini', messages: [system, ask('Say hi.')], temperature: 0, seed: 7 }),
    ];
    const [seed] = await checkRun(
      [challenge({ kind: 'field', in: 'request', path: 'seed', exists: true })],
      run,
      replayOnSandbox,
    );
    expect(seed).toMatchObject({ passed: true, message: "the request's seed is 7." });
    const [n] = await checkRun(
      [challenge({ kind: 'field', in: 'request', path: 'n', atLeast: 2 })],
      run,
      replayOnSandbox,
    );
    expect(n).toMatchObject({
      passed: false,
      message: "the request's n was missing; it must be at least 2.",
    });
    const [usage] = await checkRun(
      [challenge({ kind: 'field', in: 'response', path: 'usage.prompt_tokens', atLeast: 1 })],
      run,
      replayOnSandbox,
    );
    expect(usage!.passed).toBe(true);
  });

  it('a response field edited in the page fails on the replay', async () => {
    const honest = await answered({ model: 'gpt-4o-mini', messages: [system, ask('Say hi.')] });
    const forged = structuredClone(honest);
    (forged.response as { model: string }).model = 'gpt-forged';
    const [result] = await checkRun(
      [challenge({ kind: 'field', in: 'response', path: 'model', equals: 'gpt-forged' })],
      [forged],
      replayOnSandbox,
    );
    expect(result).toMatchObject({
      passed: false,
      message: expect.stringContaining('the server sent the same request again'),
    });
  });
});

describe('conversation', () => {
  it('passes when a later request resends an earlier reply, and not otherwise', async () => {
    const first = await answered({ model: 'gpt-4o-mini', messages: [system, ask('Name a colour.')] });
    const reply = (first.response as { choices: { message: { content: string } }[] }).choices[0]!.message
      .content;
    const carried = await answered({
      model: 'gpt-4o-mini',
      messages: [system, ask('Name a colour.'), { role: 'assistant', content: reply }, ask('Why that one?')],
    });
    const forgetful = await answered({ model: 'gpt-4o-mini', messages: [system, ask('Why that one?')] });
    const rule = challenge({ kind: 'conversation', minRequests: 2 });
    expect((await checkRun([rule], [first, carried], replayOnSandbox))[0]).toMatchObject({ passed: true });
    expect((await checkRun([rule], [first, forgetful], replayOnSandbox))[0]).toMatchObject({
      passed: false,
      message: expect.stringContaining('no request carried an earlier reply'),
    });
    expect((await checkRun([rule], [first], replayOnSandbox))[0]).toMatchObject({
      passed: false,
      message: expect.stringContaining('1 answered request'),
    });
  });
});

describe('errors and retries', () => {
  const request = { model: 'gpt-4o-mini', messages: [system, ask('Say hi.')] };

  it('recovered: a 429 and then the same request answered', async () => {
    const ok = await answered(request);
    const rule = challenge({ kind: 'recovered', status: 429 }, { drill: 'flaky' });
    expect(
      (await checkRun([rule], [failed(request, 429), failed(request, 429), ok], replayOnSandbox))[0],
    ).toMatchObject({ passed: true });
    expect(
      (await checkRun([rule], [failed(request, 429), failed(request, 429)], replayOnSandbox))[0],
    ).toMatchObject({ passed: false });
    // Without the drill the run is not the one the challenge asks for.
    expect((await checkRun([rule], [ok], replayOnSandbox))[0]).toMatchObject({
      passed: false,
      message: expect.stringContaining('"flaky" error drill'),
    });
  });

  it('error: one 429, not retried, and the program finished', async () => {
    const rule = challenge({ kind: 'error', status: 429, retried: false }, { drill: '429' });
    expect((await checkRun([rule], [failed(request, 429)], replayOnSandbox, 'completed'))[0]).toMatchObject({
      passed: true,
    });
    expect((await checkRun([rule], [failed(request, 429)], replayOnSandbox, 'failed'))[0]).toMatchObject({
      passed: false,
      message: expect.stringContaining('catch the error'),
    });
    expect(
      (await checkRun([rule], [failed(request, 429), failed(request, 429)], replayOnSandbox, 'completed'))[0],
    ).toMatchObject({
      passed: false,
      message: expect.stringContaining('maxRetries: 0'),
    });
    // One call tried once and handled passes, though the run retries a different request as well.
    const other = { model: 'gpt-4o-mini', messages: [system, ask('Say bye.')] };
    expect(
      (
        await checkRun(
          [rule],
          [failed(other, 429), failed(request, 429), failed(request, 429)],
          replayOnSandbox,
          'completed',
        )
      )[0],
    ).toMatchObject({ passed: true });
  });

  it('a 429 the drill did not produce fails on the replay', async () => {
    const rule = challenge({ kind: 'error', status: 429, retried: false });
    const forged = runExchangeSchema.parse({
      request,
      status: 429,
      response: { error: { message: 'forged' } },
    });
    expect((await checkRun([rule], [forged], replayOnSandbox, 'completed'))[0]).toMatchObject({
      passed: false,
    });
  });
});

describe('all', () => {
  it('needs every part', async () => {
    const run = [
      await answered({ model: 'gpt-4o-mini', messages: [system, ask('Say hi.')], temperature: 0, seed: 1 }),
    ];
    const both = challenge({
      kind: 'all',
      rules: [
        { kind: 'field', in: 'request', path: 'temperature', equals: 0 },
        { kind: 'field', in: 'request', path: 'seed', exists: true },
      ],
    });
    expect((await checkRun([both], run, replayOnSandbox))[0]).toMatchObject({ passed: true });
    const notBoth = challenge({
      kind: 'all',
      rules: [
        { kind: 'field', in: 'request', path: 'temperature', equals: 0 },
        { kind: 'choices', atLeast: 2 },
      ],
    });
    expect((await checkRun([notBoth], run, replayOnSandbox))[0]).toMatchObject({
      passed: false,
      message: expect.stringContaining('n: 1'),
    });
  });
});

describe('Responses API exchanges', () => {
  const input = 'What is a token in a language model? Answer in two sentences.';

  it('assemble a Response, judge its fields, and replay it on the sandbox', async () => {
    const response = await sandbox.responses.create({
      model: 'gpt-4o-mini',
      input,
      store: false,
      max_output_tokens: 16,
    });
    const exchange = runExchangeSchema.parse({
      endpoint: 'responses',
      request: { model: 'gpt-4o-mini', input, store: false, max_output_tokens: 16 },
      status: 200,
      response: JSON.parse(JSON.stringify(response)),
    });
    const [status] = await checkRun(
      [challenge({ kind: 'field', in: 'response', path: 'status', equals: 'incomplete' })],
      [exchange],
      replayOnSandbox,
    );
    expect(status).toMatchObject({ passed: true });
    const [cut] = await checkRun(
      [challenge({ kind: 'finish_reason', equals: 'length' })],
      [exchange],
      replayOnSandbox,
    );
    expect(cut).toMatchObject({ passed: true });
  });

  it('a later call that sends the earlier output back in its input list carries the conversation', async () => {
    const ask = async (request: { model: string; input: unknown }) => {
      const response = await sandbox.responses.create({ ...(request as { model: string; input: string }), store: false });
      return runExchangeSchema.parse({
        endpoint: 'responses',
        request,
        status: 200,
        response: JSON.parse(JSON.stringify(response)),
      });
    };
    const first = await ask({ model: 'gpt-4o-mini', input });
    // The reply goes back as the API returned it: an assistant message whose content is `output_text` parts.
    const output = (first.response as { output: unknown[] }).output;
    const carried = await ask({ model: 'gpt-4o-mini', input: [{ role: 'user', content: input }, ...output, { role: 'user', content: 'And why?' }] });
    const forgetful = await ask({ model: 'gpt-4o-mini', input: 'And why?' });
    const rule = challenge({ kind: 'conversation', minRequests: 2 });
    expect((await checkRun([rule], [first, carried], replayOnSandbox))[0]).toMatchObject({ passed: true });
    expect((await checkRun([rule], [first, forgetful], replayOnSandbox))[0]).toMatchObject({ passed: false });
  });

  it('a later call that names the earlier response in previous_response_id carries the conversation', async () => {
    const first = runExchangeSchema.parse({
      endpoint: 'responses',
      request: { model: 'gpt-4o-mini', input },
      status: 200,
      response: {
        id: 'resp_1',
        object: 'response',
        status: 'completed',
        output: [{ type: 'message', content: [{ type: 'output_text', text: 'Hi.' }] }],
      },
    });
    const second = runExchangeSchema.parse({
      endpoint: 'responses',
      request: { model: 'gpt-4o-mini', input: 'And why?', previous_response_id: 'resp_1' },
      status: 200,
      response: { id: 'resp_2', object: 'response', status: 'completed', output: [] },
    });
    const [result] = await checkRun(
      [challenge({ kind: 'conversation', minRequests: 2 })],
      [first, second],
      replayOnSandbox,
    );
    expect(result).toMatchObject({ passed: true, message: expect.stringContaining('previous_response_id') });
  });
});

describe('completed', () => {
  it('passes only when the program ran to its end', async () => {
    const run = [await answered({ model: 'gpt-4o-mini', messages: [system, ask('Say hi.')] })];
    const rule = challenge({ kind: 'completed' });
    expect((await checkRun([rule], run, replayOnSandbox, 'completed'))[0]).toMatchObject({ passed: true });
    expect((await checkRun([rule], run, replayOnSandbox, 'failed'))[0]).toMatchObject({
      passed: false,
      message: expect.stringContaining('uncaught error'),
    });
    expect((await checkRun([rule], run, replayOnSandbox))[0]).toMatchObject({ passed: false });
  });
});

describe('Responses API streams and text.format', () => {
  it('a streamed Response is replayed streamed, so the stream rule holds on both sides', async () => {
    const request = {
      model: 'gpt-4o-mini',
      input: 'What is a token in a language model? Answer in two sentences.',
      stream: true,
      store: false,
    };
    const stream = await sandbox.responses.create({ ...request, stream: true });
    const chunks: unknown[] = [];
    for await (const event of stream) chunks.push(JSON.parse(JSON.stringify(event)));
    const exchange = runExchangeSchema.parse({ endpoint: 'responses', request, status: 200, chunks });
    const [result] = await checkRun(
      [challenge({ kind: 'stream', minContentChunks: 2 })],
      [exchange],
      replayOnSandbox,
    );
    expect(result).toMatchObject({ passed: true });
  });

  it('the json rule reads text.format and the output text', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    };
    const request = {
      model: 'gpt-4o-mini',
      input: 'Name a city as JSON.',
      store: false,
      text: { format: { type: 'json_schema', name: 'city', schema, strict: true } },
    };
    const response = await sandbox.responses.create(request as never);
    const exchange = runExchangeSchema.parse({
      endpoint: 'responses',
      request,
      status: 200,
      response: JSON.parse(JSON.stringify(response)),
    });
    const [result] = await checkRun([challenge({ kind: 'json', schema })], [exchange], replayOnSandbox);
    expect(result).toMatchObject({ passed: true });
  });
});
