import OpenAI, { BadRequestError, PermissionDeniedError } from 'openai';
import { afterAll, describe, expect, it } from 'vitest';
import { createProxy } from '@/lib/proxy/proxy';
import { startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { testConfig } from '../../support/proxy-config';
import { serveRoutes, type ServedApp } from '../../support/serve-routes';

/** Issue 10, findings 4 and 5: sealed keys for the runner; own keys and remote images only where they are safe. */
const KEY = 'sk-learner-SEALED-test-key-0123456789';
const user = [{ role: 'user' as const, content: 'Say hello.' }];
const open: { app: ServedApp; fake: FakeUpstream }[] = [];
afterAll(() => Promise.all(open.map(async ({ app, fake }) => (await app.close(), await fake.close()))));

async function rig(overrides: Parameters<typeof testConfig>[0] = {}) {
  const fake = await startFakeUpstream({ kind: 'answer' });
  const app = await serveRoutes(
    createProxy(testConfig({ ...overrides, upstream: { baseURL: fake.url, ...overrides.upstream } })),
  );
  open.push({ app, fake });
  return { app, fake };
}

const seal = (app: ServedApp, key: string) =>
  fetch(new URL('/api/session/key', app.baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  });

describe('sealed own keys', () => {
  it('a sealed key reaches the upstream as the real key; the token never contains it', async () => {
    const { app, fake } = await rig();
    const response = await seal(app, KEY);
    expect(response.status).toBe(200);
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    expect(token).toMatch(/^tw_sk_/);
    expect(token).not.toContain('SEALED');
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const client = new OpenAI({ apiKey: token, baseURL: app.baseURL, maxRetries: 0 });
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages: user });
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('a forged or foreign sealed token is a 401; a cross-site seal request is a 403; a runner token is not a key', async () => {
    const { app } = await rig();
    const forged = new OpenAI({
      apiKey: 'tw_sk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      baseURL: app.baseURL,
      maxRetries: 0,
    });
    await expect(
      forged.chat.completions.create({ model: 'gpt-4o-mini', messages: user }),
    ).rejects.toMatchObject({ status: 401 });
    const cross = await fetch(new URL('/api/session/key', app.baseURL), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      body: JSON.stringify({ key: KEY }),
    });
    expect(cross.status).toBe(403);
    expect((await seal(app, 'tw_rt_abcdefgh')).status).toBe(400);
    expect((await seal(app, 'short')).status).toBe(400);
  });
});

describe('ALLOW_OWN_KEYS and remote images', () => {
  it('own keys off: raw and sealed keys are refused upstream with a clear 403, the sandbox still answers', async () => {
    const { app, fake } = await rig({ allowOwnKeys: false });
    const raw = new OpenAI({ apiKey: KEY, baseURL: app.baseURL, maxRetries: 0 });
    const error = await raw.chat.completions
      .create({ model: 'gpt-4o-mini', messages: user })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).message).toContain('ALLOW_OWN_KEYS');
    expect((await seal(app, KEY)).status).toBe(403);
    const sandbox = await raw.chat.completions.create(
      { model: 'gpt-4o-mini', messages: user },
      { headers: { 'x-tokenwise-backend': 'sandbox' } },
    );
    expect(sandbox.system_fingerprint).toBe('sandbox');
    expect(fake.requests).toHaveLength(0);
  });

  it('an upstream that is not OpenAI gets data: images only', async () => {
    const { app, fake } = await rig({ upstream: { isOpenAI: false } });
    const client = new OpenAI({ apiKey: KEY, baseURL: app.baseURL, maxRetries: 0 });
    const image = (url: string) => [
      {
        role: 'user' as const,
        content: [
          { type: 'text' as const, text: 'What is this?' },
          { type: 'image_url' as const, image_url: { url } },
        ],
      },
    ];
    const error = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: image('http://169.254.169.254/latest/meta-data') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('messages[0].content[1].image_url.url');
    expect(fake.requests).toHaveLength(0);
    await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: image('data:image/png;base64,iVBORw0KGgo='),
    });
    expect(fake.requests).toHaveLength(1);
  });
});
