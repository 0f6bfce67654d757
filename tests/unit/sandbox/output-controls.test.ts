import { BadRequestError, PermissionDeniedError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions/completions';
import { describe, expect, it } from 'vitest';
import {
  CACHE_INCREMENT,
  CACHE_MIN_TOKENS,
  CALLER_HEADER,
  createSandboxClient,
} from '@/lib/backends/sandbox';
import { assertMatches } from '../../support/openapi';

/** Lessons 3 and 5: what each output control does in the sandbox, and what reasoning models refuse. */
const client = createSandboxClient({ recordings: new Map() });
const messages = [{ role: 'user' as const, content: 'Name a colour.' }];
const text = async (params: Partial<ChatCompletionCreateParamsNonStreaming>) => {
  const data = await client.chat.completions.create({ model: 'gpt-4o', messages, ...params });
  assertMatches('CreateChatCompletionResponse', data);
  return data;
};
const failure = (params: Partial<ChatCompletionCreateParamsNonStreaming>) =>
  client.chat.completions.create({ model: 'gpt-5-mini', messages, ...params }).then(
    () => undefined,
    (e: unknown) => e as BadRequestError,
  );

describe('sampling controls', () => {
  it('n gives n different choices, each billed; at temperature 0 they are all the same', async () => {
    const data = await text({ n: 6 });
    const contents = data.choices.map((c) => c.message.content);
    expect(new Set(contents).size).toBe(6);
    const cold = await text({ n: 3, temperature: 0 });
    expect(new Set(cold.choices.map((c) => c.message.content)).size).toBe(1);
  });

  it('stop cuts before the stop string, with finish_reason "stop"', async () => {
    const full = (await text({ temperature: 0 })).choices[0]!.message.content!;
    const word = full.split(' ')[3]!;
    const cut = await text({ temperature: 0, stop: [word] });
    expect(cut.choices[0]!.message.content).toBe(full.slice(0, full.indexOf(word)));
    expect(cut.choices[0]!.finish_reason).toBe('stop');
  });

  it('temperature 0 repeats itself exactly for any seed; above 0 a seed repeats and other seeds vary', async () => {
    const cold = await Promise.all([1, 2, 3].map((seed) => text({ temperature: 0, seed })));
    expect(new Set(cold.map((d) => d.choices[0]!.message.content)).size).toBe(1);
    const again = await text({ temperature: 1.3, seed: 42 });
    expect((await text({ temperature: 1.3, seed: 42 })).choices[0]!.message.content).toBe(
      again.choices[0]!.message.content,
    );
    const warm = await Promise.all([1, 2, 3, 4, 5, 6].map((seed) => text({ temperature: 1.3, seed })));
    expect(new Set(warm.map((d) => d.choices[0]!.message.content)).size).toBeGreaterThan(1);
  });

  it('logprobs on a model that allows them: one entry per token', async () => {
    const data = await text({ logprobs: true, top_logprobs: 2 });
    const tokens = data.choices[0]!.logprobs!.content!;
    expect(tokens.map((t) => t.token).join('')).toBe(data.choices[0]!.message.content);
  });
});

describe('reasoning models (gpt-5 family) refuse sampling parameters as OpenAI does', () => {
  it('temperature other than 1: 400 unsupported_value with the reported message (P13); 1 is fine', async () => {
    const error = await failure({ temperature: 0.2 });
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error!.code).toBe('unsupported_value');
    expect(error!.param).toBe('temperature');
    expect((error!.error as { message: string }).message).toBe(
      "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
    );
    await expect(
      client.chat.completions.create({ model: 'gpt-5-mini', messages, temperature: 1 }),
    ).resolves.toBeTruthy();
  });

  it.each([
    [
      'max_tokens',
      { max_tokens: 50 },
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    ],
    ['stop', { stop: ['.'] }, "Unsupported parameter: 'stop' is not supported with this model."],
    [
      'presence_penalty',
      { presence_penalty: 0.5 },
      "Unsupported parameter: 'presence_penalty' is not supported with this model.",
    ],
    [
      'frequency_penalty',
      { frequency_penalty: 0.5 },
      "Unsupported parameter: 'frequency_penalty' is not supported with this model.",
    ],
  ] satisfies [string, Partial<ChatCompletionCreateParamsNonStreaming>, string][])(
    '%s: 400 unsupported_parameter (P15 to P17)',
    async (param, params, message) => {
      const error = await failure(params);
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error!.code).toBe('unsupported_parameter');
      expect(error!.param).toBe(param);
      expect((error!.error as { message: string }).message).toBe(message);
      // The same request is fine on gpt-4o.
      await expect(
        client.chat.completions.create({ model: 'gpt-4o', messages, ...params }),
      ).resolves.toBeTruthy();
    },
  );

  it('logprobs: 403 with code null (P18)', async () => {
    const error = await failure({ logprobs: true });
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error!.code).toBeNull();
    expect((error!.error as { message: string }).message).toBe(
      'You are not allowed to request logprobs from this model',
    );
  });
});

describe('prompt caching (T4)', () => {
  const system = {
    role: 'system' as const,
    content: `You are a support agent for a bicycle shop. ${'Policy: be brief, be kind, cite the manual. '.repeat(150)}`,
  };

  it('a repeated prefix of 1024 tokens or more reports cached tokens in 128-token steps', async () => {
    const cache = createSandboxClient({ recordings: new Map() });
    const ask = (question: string, model = 'gpt-4o') =>
      cache.chat.completions.create({ model, messages: [system, { role: 'user', content: question }] });
    const first = await ask('My chain squeaks.');
    expect(first.usage!.prompt_tokens).toBeGreaterThanOrEqual(CACHE_MIN_TOKENS);
    expect(first.usage!.prompt_tokens_details!.cached_tokens).toBe(0);
    const second = await ask('My brakes rub.');
    const cached = second.usage!.prompt_tokens_details!.cached_tokens!;
    expect(cached).toBeGreaterThanOrEqual(CACHE_MIN_TOKENS);
    expect(cached % CACHE_INCREMENT).toBe(0);
    expect(cached).toBeLessThanOrEqual(second.usage!.prompt_tokens);
    // The identical request again: at least as much is cached.
    const third = await ask('My brakes rub.');
    expect(third.usage!.prompt_tokens_details!.cached_tokens).toBeGreaterThanOrEqual(cached);
    // Another model has its own cache.
    expect((await ask('My brakes rub.', 'gpt-4.1')).usage!.prompt_tokens_details!.cached_tokens).toBe(0);
  });

  it('keeps callers apart when the server names them (x-tokenwise-caller)', async () => {
    const cache = createSandboxClient({ recordings: new Map() });
    const ask = (caller: string) =>
      cache.chat.completions.create(
        { model: 'gpt-4o', messages: [system, { role: 'user', content: 'Hello' }] },
        { headers: { [CALLER_HEADER]: caller } },
      );
    await ask('learner-a');
    expect((await ask('learner-b')).usage!.prompt_tokens_details!.cached_tokens).toBe(0);
    expect((await ask('learner-a')).usage!.prompt_tokens_details!.cached_tokens).toBeGreaterThanOrEqual(
      CACHE_MIN_TOKENS,
    );
  });

  it('a short prompt or a changed start is never cached', async () => {
    const cache = createSandboxClient({ recordings: new Map() });
    for (let i = 0; i < 2; i++) {
      const short = await cache.chat.completions.create({ model: 'gpt-4o', messages });
      expect(short.usage!.prompt_tokens_details!.cached_tokens).toBe(0);
    }
    await cache.chat.completions.create({ model: 'gpt-4o', messages: [system, ...messages] });
    const changed = await cache.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ ...system, content: `Today is Monday. ${system.content}` }, ...messages],
    });
    expect(changed.usage!.prompt_tokens_details!.cached_tokens).toBe(0);
  });
});
