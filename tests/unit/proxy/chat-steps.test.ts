import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { issueRunnerToken } from '@/lib/auth/runner-token';
import { createLimits } from '@/lib/limits';
import { admit, parse, reserve } from '@/lib/proxy/chat';
import { testConfig } from '../../support/proxy-config';

/** The chat handler's steps, each driven alone (the route tests drive them together). */
const config = testConfig({ limits: { ipRpm: 2 } });
const deps = () => {
  const limits = createLimits({ ...config.limits, store: {} });
  const client = new OpenAI({ apiKey: 'unused', baseURL: 'http://127.0.0.1:9/v1' });
  return { config, limits, sandbox: client, serverUpstream: undefined, learnerUpstream: client };
};
const request = (headers: Record<string, string>, body?: unknown) =>
  new Request('http://localhost/api/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.5', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('admit', () => {
  it('needs a key, then counts one request per client address', async () => {
    const d = deps();
    await expect(admit(d, request({}))).rejects.toMatchObject({ status: 401, code: 'missing_api_key' });
    const own = { authorization: 'Bearer sk-own-key-0123456789' };
    await expect(admit(d, request(own))).resolves.toMatchObject({
      caller: { kind: 'own-key' },
      subject: { ip: '203.0.113.5' },
    });
    await admit(d, request(own));
    await expect(admit(d, request(own))).rejects.toMatchObject({ status: 429 });
  });
});

describe('parse', () => {
  it('gives the typed body, or the 400 the API would give', async () => {
    const body = await parse(
      config,
      request({}, { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }),
    );
    expect(body.messages).toHaveLength(1);
    await expect(
      parse(config, request({}, { model: 'gpt-4o', messages: [], temperature: 3 })),
    ).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      parse(config, request({}, { model: 'no-such-model', messages: [{ role: 'user', content: 'Hi' }] })),
    ).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found',
    });
  });
});

describe('reserve', () => {
  it('picks the backend and reserves prompt plus output cap: the sandbox for a runner token, the upstream for an own key', async () => {
    const d = deps();
    const body = {
      model: 'gpt-4o',
      messages: [{ role: 'user' as const, content: 'Hi' }],
      max_completion_tokens: 50,
    };
    const { token } = issueRunnerToken(config.runnerTokens.secret, { ttlSeconds: 60, rpm: 10, tpm: 10_000 });
    const runner = await admit(d, request({ authorization: `Bearer ${token}` }));
    const forRunner = await reserve(d, runner, body, new Headers());
    expect(forRunner.backend.kind).toBe('sandbox');
    expect(forRunner.reserved).toBe(forRunner.promptTokens + 50);
    const own = await admit(d, request({ authorization: 'Bearer sk-own-key-0123456789' }));
    const forOwn = await reserve(d, own, body, new Headers());
    expect(forOwn.backend).toMatchObject({ kind: 'upstream', serverKey: false });
    expect(forOwn.hideUsageChunk).toBe(false);
  });
});
