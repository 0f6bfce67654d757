import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions/completions';
import { describe, expect, it } from 'vitest';
import { createSandboxClient } from '@/lib/backends/sandbox';
import { checkRun } from '@/lib/quiz/challenges';
import { assemble, runExchangeSchema, type RunExchange } from '@/lib/quiz/exchange';
import { replayOnSandbox } from '@/lib/quiz/replay';
import { applyRule, type ExchangeRule } from '@/lib/quiz/rules';
import { challengeSchema, type Challenge } from '@/lib/quiz/schema';

const sandbox = createSandboxClient();
const messages = [
  { role: 'system' as const, content: 'You are a patient tutor. Answer in plain English.' },
  { role: 'user' as const, content: 'What is a token in a language model? Answer in two sentences.' },
];

/** What the runner records: the request as sent and the response as received, from the real sandbox. */
async function run(request: Record<string, unknown>): Promise<RunExchange> {
  if (request.stream) {
    const stream = await sandbox.chat.completions.create({ ...(request as unknown as ChatCompletionCreateParamsStreaming), stream: true });
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    return runExchangeSchema.parse({ request, status: 200, chunks: JSON.parse(JSON.stringify(chunks)) });
  }
  const response = await sandbox.chat.completions.create({ ...(request as unknown as ChatCompletionCreateParamsNonStreaming), stream: false });
  return runExchangeSchema.parse({ request, status: 200, response: JSON.parse(JSON.stringify(response)) });
}

const challenge = (id: string, rule: unknown): Challenge =>
  challengeSchema.parse({ id, title: 'A challenge', prompt: 'Do it.', hint: 'Like so.', source: 'cost', rule });

const cutShort = challenge('cut-short', { kind: 'finish_reason', equals: 'length' });
const threeChoices = challenge('three-choices', { kind: 'choices', atLeast: 3 });
const streamed = challenge('streamed', { kind: 'stream' });
const json = challenge('json', {
  kind: 'json',
  schema: { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false },
});

describe('checkRun against the sandbox', () => {
  it('passes the challenges a run really met, and says why the others failed', async () => {
    const exchanges = [
      await run({ model: 'gpt-4o-mini', messages, temperature: 0, max_completion_tokens: 150 }),
      await run({ model: 'gpt-4o-mini', messages, temperature: 0, max_completion_tokens: 10 }),
    ];
    const results = await checkRun([cutShort, threeChoices], exchanges, replayOnSandbox);
    expect(results).toEqual([
      { id: 'cut-short', passed: true, message: 'the response came back with finish_reason "length".' },
      { id: 'three-choices', passed: false, message: 'the request asked for n: 1; ask for 3 choices in one request.' },
    ]);
  });

  it('passes n: 3 and a streamed reply', async () => {
    const results = await checkRun(
      [threeChoices, streamed],
      [
        await run({ model: 'gpt-4o-mini', messages, n: 3, temperature: 1 }),
        await run({ model: 'gpt-4o-mini', messages, stream: true }),
      ],
      replayOnSandbox,
    );
    expect(results.map((r) => [r.id, r.passed])).toEqual([
      ['three-choices', true],
      ['streamed', true],
    ]);
    expect(results[1]!.message).toMatch(/^the reply arrived in \d+ streamed pieces\.$/);
  });

  it('refuses a response edited in the page: the replayed request says otherwise', async () => {
    const honest = await run({ model: 'gpt-4o-mini', messages, temperature: 0, max_completion_tokens: 150 });
    const forged = structuredClone(honest);
    (forged.response as { choices: { finish_reason: string }[] }).choices[0]!.finish_reason = 'length';
    const [result] = await checkRun([cutShort], [forged], replayOnSandbox);
    expect(result).toEqual({
      id: 'cut-short',
      passed: false,
      message: expect.stringContaining('the server sent the same request again and finish_reason was "stop", not "length".'),
    });
  });

  it('judges by the request: choices added to the response of an n: 1 request pass nothing', async () => {
    const honest = await run({ model: 'gpt-4o-mini', messages, temperature: 0 });
    const forged = structuredClone(honest);
    const response = forged.response as { choices: { index: number }[] };
    response.choices.push({ ...response.choices[0]!, index: 1 }, { ...response.choices[0]!, index: 2 });
    forged.request = { ...forged.request, n: 3 };
    // The forged request now asks for 3, so the replay gives 3; the forgery is caught only if the request itself is
    // honest, which is the point: the request decides, and it is the learner's code that sends it.
    const [result] = await checkRun([threeChoices], [forged], replayOnSandbox);
    expect(result!.passed).toBe(true);
    const [noRequest] = await checkRun([threeChoices], [{ ...forged, request: honest.request }], replayOnSandbox);
    expect(noRequest!.passed).toBe(false);
  });

  it('refuses a request the API would refuse, and errors, and an empty run', async () => {
    const bad = runExchangeSchema.parse({
      request: { model: 'gpt-4o-mini', messages, max_completion_tokens: 5, temperature: 7 },
      status: 200,
      response: { object: 'chat.completion', choices: [{ index: 0, message: { content: 'x' }, finish_reason: 'length' }] },
    });
    expect((await checkRun([cutShort], [bad], replayOnSandbox))[0]).toMatchObject({ passed: false, message: expect.stringContaining('could not reproduce') });
    const failed = runExchangeSchema.parse({ request: { model: 'gpt-4o-mini', messages }, status: 401, response: { error: { message: 'no' } } });
    expect((await checkRun([cutShort], [failed], replayOnSandbox))[0]).toMatchObject({ passed: false, message: 'no request in the run came back with a response.' });
    expect((await checkRun([cutShort], [], replayOnSandbox))[0]).toMatchObject({ passed: false, message: 'the run made no chat completion request.' });
  });

  it('refuses a model outside the catalog without calling anything', async () => {
    expect(await replayOnSandbox({ model: 'gpt-9', messages }, null)).toMatchObject({ error: expect.stringContaining('404') });
  });
});

describe('rules', () => {
  const request = { model: 'gpt-4o-mini', messages: [{}], response_format: { type: 'json_object' } };
  const reply = (content: string | null) => ({ completion: {}, streamed: false, contentChunks: 0, choices: [{ index: 0, content, finishReason: 'stop' }] });

  it('json: asks for response_format, valid JSON and the schema', () => {
    expect(applyRule(json.rule as ExchangeRule, { ...request, response_format: null }, reply('{"answer":"x"}'))).toMatchObject({ passed: false, message: expect.stringContaining('response_format') });
    expect(applyRule(json.rule as ExchangeRule, request, reply('not json'))).toMatchObject({ passed: false, message: 'the reply is not valid JSON.' });
    expect(applyRule(json.rule as ExchangeRule, request, reply('{"answer":3}'))).toMatchObject({ passed: false, message: expect.stringContaining('answer does not match') });
    expect(applyRule(json.rule as ExchangeRule, request, reply('{"answer":"x","extra":1}'))).toMatchObject({ passed: false });
    expect(applyRule(json.rule as ExchangeRule, request, reply('{"answer":"x"}'))).toEqual({ passed: true, message: 'the reply is JSON that matches the schema.' });
  });

  it('stream: needs stream: true and several pieces', () => {
    expect(applyRule(streamed.rule as ExchangeRule, { ...request, stream: true }, { completion: {}, streamed: true, contentChunks: 1, choices: [] })).toMatchObject({ passed: false });
    expect(applyRule(streamed.rule as ExchangeRule, request, { completion: {}, streamed: false, contentChunks: 0, choices: [] })).toMatchObject({ passed: false, message: expect.stringContaining('stream: true') });
  });

  it('assembles a stream into choices, by index', () => {
    const chunk = (index: number, content: string | undefined, finish: string | null) => ({
      object: 'chat.completion.chunk',
      choices: [{ index, delta: content === undefined ? {} : { content }, finish_reason: finish }],
    });
    expect(
      assemble({ status: 200, chunks: [chunk(1, 'B', null), chunk(0, 'A', null), chunk(0, 'a', null), chunk(0, undefined, 'length'), chunk(1, undefined, 'stop'), { object: 'chat.completion.chunk', choices: [], usage: {} }] }),
    ).toMatchObject({
      streamed: true,
      contentChunks: 3,
      choices: [
        { index: 0, content: 'Aa', finishReason: 'length' },
        { index: 1, content: 'B', finishReason: 'stop' },
      ],
    });
    expect(assemble({ status: 200, chunks: [{ nope: true }] })).toBeNull();
    expect(assemble({ status: 500, response: {} })).toBeNull();
  });
});
