import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';

/**
 * `POST /api/quiz/check` and `POST /api/quiz/challenges` on the running app (`TOKENWISE_URL`). Each test speaks
 * as its own client address (X-Forwarded-For, which the app reads through TRUSTED_PROXY_HOPS), so flooding one
 * client here leaves the browser tests' quota alone.
 */
const BASE = process.env.TOKENWISE_URL;
if (!BASE) console.warn('tests/integration/quiz-check.test.ts skipped: set TOKENWISE_URL to a running Tokenwise (npm test does).');

const newClient = () => `2001:db8::${randomInt(1, 0xffff).toString(16)}:${randomInt(1, 0xffff).toString(16)}`;

function post(path: string, body: unknown, client: string, init: { contentType?: string; raw?: string } = {}) {
  return fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json', 'x-forwarded-for': client },
    body: init.raw ?? JSON.stringify(body),
  });
}

describe.skipIf(!BASE)('the quiz API in the running app', () => {
  it('grades an answer and explains it', async () => {
    const client = newClient();
    const wrong = await post('/api/quiz/check', { lesson: 'chat-completions', question: 'cost-gpt-4o', answer: '$0.00004' }, client);
    expect(wrong.status).toBe(200);
    expect(wrong.headers.get('cache-control')).toBe('no-store');
    expect(await wrong.json()).toMatchObject({ status: 'answered', correct: false, source: { href: '/lessons/chat-completions#cost', title: 'Cost' } });
    const right = await post('/api/quiz/check', { lesson: 'chat-completions', question: 'cost-gpt-4o', answer: '$0.0075' }, client);
    expect(await right.json()).toMatchObject({ correct: true, modelAnswerHtml: '<p>Exactly $0.0075.</p>' });
  });

  it.each([
    ['an unknown field', { lesson: 'chat-completions', question: 'cost-gpt-4o', answer: '1', correct: true }, 400, 'invalid_request'],
    ['a missing answer', { lesson: 'chat-completions', question: 'cost-gpt-4o' }, 400, 'invalid_request'],
    ['an over-long answer', { lesson: 'chat-completions', question: 'wrong-key', answer: 'x'.repeat(501) }, 400, 'invalid_request'],
    ['a path in the lesson', { lesson: '../../etc', question: 'cost-gpt-4o', answer: '1' }, 400, 'invalid_request'],
    ['an unknown lesson', { lesson: 'no-such-lesson', question: 'cost-gpt-4o', answer: '1' }, 404, 'lesson_not_found'],
    ['an unknown question', { lesson: 'chat-completions', question: 'no-such-question', answer: '1' }, 404, 'question_not_found'],
  ])('refuses %s', async (_, body, status, code) => {
    const response = await post('/api/quiz/check', body, newClient());
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it('refuses bodies that are not JSON, or too large', async () => {
    expect((await post('/api/quiz/check', null, newClient(), { contentType: 'text/plain', raw: 'hi' })).status).toBe(415);
    expect((await post('/api/quiz/check', null, newClient(), { raw: '{"lesson":' })).status).toBe(400);
    expect((await post('/api/quiz/check', null, newClient(), { raw: JSON.stringify({ pad: 'x'.repeat(10_000) }) })).status).toBe(413);
  });

  it('refuses 1,000 checks a minute from one client with 429, and still serves another client', async () => {
    const flooder = newClient();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let batch = 0; batch < 20; batch++) {
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => post('/api/quiz/check', { lesson: 'chat-completions', question: 'reply-text', answer: 'top-message' }, flooder)),
      );
      for (const r of responses) {
        statuses.push(r.status);
        if (r.status === 429) retryAfter ??= r.headers.get('retry-after');
        await r.body?.cancel();
      }
    }
    const ok = statuses.filter((s) => s === 200).length;
    const refused = statuses.filter((s) => s === 429).length;
    expect(ok + refused).toBe(1000);
    expect(ok).toBeGreaterThan(0);
    expect(ok).toBeLessThanOrEqual(120);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Challenge checks draw on the same quota.
    const run = await post('/api/quiz/challenges', { lesson: 'chat-completions', exchanges: [] }, flooder);
    expect(run.status).toBe(429);
    const other = await post('/api/quiz/check', { lesson: 'chat-completions', question: 'reply-text', answer: 'top-message' }, `${flooder}0`);
    expect(other.status).toBe(200);
  }, 120_000);

  it('checks a run against the lesson challenges, replaying its request', async () => {
    const client = newClient();
    const request = {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'What is a token in a language model? Answer in two sentences.' }],
      max_completion_tokens: 10,
    };
    // A response this request never produced: the replay shows the request really does stop early.
    const response = { object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'A token' }, finish_reason: 'length' }] };
    const checked = await post('/api/quiz/challenges', { lesson: 'chat-completions', exchanges: [{ request, status: 200, response }] }, client);
    expect(checked.status).toBe(200);
    expect(await checked.json()).toEqual({
      results: [
        { id: 'cut-short', passed: true, message: 'the response came back with finish_reason "length".' },
        { id: 'three-choices', passed: false, message: 'the request asked for n: 1; ask for 3 choices in one request.' },
      ],
    });
    const refused = await post('/api/quiz/challenges', { lesson: 'chat-completions', exchanges: Array.from({ length: 9 }, () => ({ request, status: 200, response })) }, client);
    expect(refused.status).toBe(400);
  });
});
