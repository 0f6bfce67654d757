import path from 'node:path';
import OpenAI, {
  APIConnectionError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from 'openai';
import { encode } from 'gpt-tokenizer/model/gpt-4o';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRecordings } from '@/lib/backends/sandbox/recordings';
import { assertMatches } from '../../support/openapi';

/**
 * The running app (`TOKENWISE_URL`, the production build), driven by the real `openai` SDK exactly as a lesson's
 * code drives it: `baseURL` is `<app>/api/v1`, the key is a runner token from `POST /api/session`.
 */
const BASE = process.env.TOKENWISE_URL;
if (!BASE)
  console.warn(
    'tests/integration/proxy/app.test.ts skipped: set TOKENWISE_URL to a running Tokenwise (npm test does).',
  );

describe.skipIf(!BASE)('the proxy in the running app', () => {
  let client: OpenAI;
  let token: string;
  const baseURL = `${BASE}/api/v1`;
  const user = [{ role: 'user' as const, content: 'What does a context window limit?' }];
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e,
    );

  beforeAll(async () => {
    const response = await fetch(`${BASE}/api/session`, { method: 'POST' });
    expect(response.status).toBe(200);
    const session = (await response.json()) as { token: string; backend: string };
    expect(session.token).toMatch(/^tw_rt_/);
    token = session.token;
    client = new OpenAI({ apiKey: token, baseURL, maxRetries: 0 });
  });

  it('answers from the sandbox in the API shape, with usage counted as OpenAI bills it', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: user })
      .withResponse();
    assertMatches('CreateChatCompletionResponse', data);
    expect(data.system_fingerprint).toBe('sandbox');
    expect(response.headers.get('x-tokenwise-backend')).toBe('sandbox');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toMatch(/^\d+$/);
    const content = data.choices[0]!.message.content!;
    expect(content).toContain('What does a context window limit?');
    expect(data.usage!.prompt_tokens).toBe(3 + encode('user').length + encode(user[0]!.content).length + 3);
    expect(data.usage!.completion_tokens).toBe(encode(content).length);
  });

  it("answers lesson 1's example prompt with its recorded reply at temperature 0", async () => {
    const recordings = loadRecordings(path.join(process.cwd(), 'lessons'));
    const [prompt, { replies }] = [...recordings.entries()][0]!;
    const data = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      temperature: 0,
      messages: [{ role: 'user', content: prompt }],
    });
    expect(data.choices[0]!.message.content).toBe(replies[0]);
  });

  it('streams with for await: chunks match the spec and the usage chunk comes last', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: user,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    chunks.forEach((chunk) => assertMatches('CreateChatCompletionStreamResponse', chunk));
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(chunks.at(-1)!.usage!.completion_tokens).toBe(encode(text).length);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('stop');
  });

  it('raises each error class with its status, code and param', async () => {
    expect(await failure(client.chat.completions.create({ model: 'gpt-7', messages: user }))).toBeInstanceOf(
      NotFoundError,
    );
    const bad = await failure(
      client.chat.completions.create({ model: 'gpt-4o', messages: user, temperature: 5 }),
    );
    expect(bad).toBeInstanceOf(BadRequestError);
    expect(bad).toMatchObject({ status: 400, param: 'temperature', code: 'decimal_above_max_value' });
    const noKey = await failure(
      new OpenAI({ apiKey: 'tw_rt_forged.token', baseURL, maxRetries: 0 }).chat.completions.create({
        model: 'gpt-4o',
        messages: user,
      }),
    );
    expect(noKey).toBeInstanceOf(AuthenticationError);
    const drill = (kind: string) =>
      failure(
        client.chat.completions.create(
          { model: 'gpt-4o', messages: user },
          { headers: { 'x-tokenwise-drill': kind } },
        ),
      );
    expect(await drill('500')).toBeInstanceOf(InternalServerError);
    expect(await drill('401')).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect(await drill('dropped')).toBeInstanceOf(APIConnectionError);
  });

  it("retries a 429 by the SDK's own rules, honouring the drill's retry-after", async () => {
    let attempts = 0;
    const counting = new OpenAI({
      apiKey: token,
      baseURL,
      maxRetries: 1,
      fetch: (url, init) => (attempts++, fetch(url, init)),
    });
    const started = performance.now();
    const error = await failure(
      counting.chat.completions.create(
        { model: 'gpt-4o', messages: user },
        { headers: { 'x-tokenwise-drill': '429' } },
      ),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get('retry-after')).toBeTruthy();
    expect(attempts).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
  });

  it('speaks HTTP like the API: 405, 415, 413 and invalid JSON in the envelope, CORS for the runner iframe', async () => {
    const url = `${baseURL}/chat/completions`;
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(url, { headers: auth })).status).toBe(405);
    expect(
      (await fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: '{}' }))
        .status,
    ).toBe(415);
    const huge = JSON.stringify({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'x'.repeat(300 * 1024) }],
    });
    expect(
      (
        await fetch(url, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: huge,
        })
      ).status,
    ).toBe(413);
    const invalid = await fetch(url, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('x-request-id')).toMatch(/^req_/);
    expect(((await invalid.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: 'null',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-stainless-arch',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-stainless-arch');
  });

  it('lists the models this deployment serves', async () => {
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('gpt-4o-mini');
  });
});
