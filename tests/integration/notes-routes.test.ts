// The notes and moderation route handlers, called in-process against real Postgres: validation, the honeypot,
// limits, same-origin, the error envelope, reports and moderation.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrateDatabase, startTestDatabase, type TestDatabase } from './notes-database';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
let database: TestDatabase;
let routes: typeof import('@/app/api/lessons/[slug]/notes/route');
let report: typeof import('@/app/api/lessons/[slug]/notes/[id]/report/route');
let admin: typeof import('@/app/api/admin/notes/route');
let adminNote: typeof import('@/app/api/admin/notes/[id]/route');
let slug: string;
let lessonSdk: string;

beforeAll(async () => {
  database = await startTestDatabase();
  await migrateDatabase(database.url);
  // env() is read once per process; set it before the routes load.
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    ADMIN_TOKEN,
    NOTES_LIMIT_PER_IP: '4',
    NOTES_LIMIT_PER_LESSON: '1000',
    NOTES_REPORTS_TO_HIDE: '2',
    // These requests stand for ones through one trusted reverse proxy, so X-Forwarded-For names the client.
    TRUSTED_PROXY_HOPS: '1',
  });
  routes = await import('@/app/api/lessons/[slug]/notes/route');
  report = await import('@/app/api/lessons/[slug]/notes/[id]/report/route');
  admin = await import('@/app/api/admin/notes/route');
  adminNote = await import('@/app/api/admin/notes/[id]/route');
  const { getLessons } = await import('@/lib/lessons/loader');
  const [lesson] = await getLessons();
  if (!lesson) throw new Error('no lessons');
  slug = lesson.slug;
  lessonSdk = lesson.frontmatter.sdk.node;
});
afterAll(async () => {
  const { closeAllPools } = await import('@/lib/db/client');
  await closeAllPools();
  await database?.stop();
});

const ORIGIN = 'http://localhost:3000';
let addressCounter = 0;
const freshAddress = () => `198.51.100.${++addressCounter}`;

function post(
  body: unknown,
  options: { address?: string; headers?: Record<string, string>; lesson?: string } = {},
) {
  const request = new Request(`${ORIGIN}/api/lessons/${options.lesson ?? slug}/notes`, {
    method: 'POST',
    headers: {
      host: 'localhost:3000',
      origin: ORIGIN,
      'content-type': 'application/json',
      'x-forwarded-for': options.address ?? freshAddress(),
      ...options.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return routes.POST(request, { params: Promise.resolve({ slug: options.lesson ?? slug }) });
}

function list(query = '', lesson = slug) {
  return routes.GET(new Request(`${ORIGIN}/api/lessons/${lesson}/notes${query}`), {
    params: Promise.resolve({ slug: lesson }),
  });
}

function reportNote(id: number, address: string) {
  return report.POST(
    new Request(`${ORIGIN}/api/lessons/${slug}/notes/${id}/report`, {
      method: 'POST',
      headers: { host: 'localhost:3000', origin: ORIGIN, 'x-forwarded-for': address },
    }),
    { params: Promise.resolve({ slug, id: String(id) }) },
  );
}

const note = (body: string, extra: Record<string, unknown> = {}) => ({
  body,
  displayName: 'Grace',
  ...extra,
});
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: Record<string, unknown> }).error;

describe('POST and GET /api/lessons/[slug]/notes', () => {
  test('a posted note is listed, rendered and sanitized, with the lesson SDK version by default', async () => {
    const response = await post(
      note('Use **`maxRetries: 0`** <script>alert(1)</script> [x](javascript:alert(1))'),
    );
    expect(response.status).toBe(201);
    const { note: created } = (await response.json()) as { note: Record<string, unknown> };
    expect(created).toMatchObject({ displayName: 'Grace', sdkVersion: lessonSdk });
    expect(created.html).toContain('<strong><code>maxRetries: 0</code></strong>');
    expect(created.html).not.toMatch(/<script|javascript:/);
    expect(created).not.toHaveProperty('authorHash');

    const listed = (await (await list()).json()) as {
      notes: Array<{ id: number }>;
      nextBefore: number | null;
    };
    expect(listed.notes[0]?.id).toBe(created.id);
  });

  test('paginates newest first', async () => {
    const lesson = await import('@/lib/lessons/loader').then(
      async (m) => (await m.getLessons()).at(-1)!.slug,
    );
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await post(note(`Paged note ${i} ${Date.now()}`), { lesson });
      ids.push(((await response.json()) as { note: { id: number } }).note.id);
    }
    const first = (await (await list('?limit=2', lesson)).json()) as {
      notes: Array<{ id: number }>;
      nextBefore: number;
    };
    expect(first.notes.map((n) => n.id)).toEqual([ids[2], ids[1]]);
    const second = (await (await list(`?limit=2&before=${first.nextBefore}`, lesson)).json()) as {
      notes: Array<{ id: number }>;
    };
    expect(second.notes.map((n) => n.id)[0]).toBe(ids[0]);
    expect((await list('?limit=500')).status).toBe(400);
  });

  test('labels notes written for an older SDK major', async () => {
    const older = `${Number.parseInt(lessonSdk, 10) - 1}.3.0`;
    const response = await post(note('Old-SDK tip about retries', { sdkVersion: older }));
    const { note: created } = (await response.json()) as { note: { olderSdkLabel?: string } };
    expect(created.olderSdkLabel).toBe(`written for openai ${Number.parseInt(lessonSdk, 10) - 1}`);
  });

  test('invalid notes get the error envelope with a message per field', async () => {
    const response = await post({ body: '', displayName: '', sdkVersion: 'latest' });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_note', param: 'body' });
    expect(error.fields).toEqual({
      body: 'Write your note first.',
      displayName: 'Add a display name.',
      sdkVersion: 'Use an exact version such as 7.57.0.',
    });
    expect((await post('{not json')).status).toBe(400);
    expect((await post(note('x'), { headers: { 'content-type': 'text/plain' } })).status).toBe(415);
  });

  test('a 200 kB note is refused with 413', async () => {
    const response = await post(note('a'.repeat(200 * 1024)));
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatchObject({ code: 'request_too_large' });
  });

  test('the honeypot field refuses the post and stores nothing', async () => {
    const body = `Honeypot ${Date.now()}`;
    const response = await post(note(body, { website: 'https://spam.example' }));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'note_rejected' });
    expect(JSON.stringify(await (await list('?limit=50')).json())).not.toContain(body);
  });

  test('cross-site posts are refused', async () => {
    const response = await post(note('Cross-site attempt'), { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({ code: 'cross_origin', type: 'permission_error' });
    expect(
      (await post(note('Cross-site fetch'), { headers: { 'sec-fetch-site': 'cross-site' } })).status,
    ).toBe(403);
  });

  test('unknown lessons are 404', async () => {
    expect((await post(note('Nowhere'), { lesson: 'no-such-lesson' })).status).toBe(404);
    expect(await errorOf(await list('', 'no-such-lesson'))).toMatchObject({ code: 'lesson_not_found' });
  });

  test('duplicates are refused with 409', async () => {
    const body = `Duplicate me ${Date.now()}`;
    expect((await post(note(body))).status).toBe(201);
    const again = await post(note(body));
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({ code: 'duplicate_note' });
  });

  test('an address that posts too often gets 429 with retry-after', async () => {
    // A fresh address each run, in case the limit store outlives the process (REDIS_URL).
    const address = `2001:db8::50:${randomInt(1, 0xffff).toString(16)}`;
    for (let i = 0; i < 4; i++)
      expect((await post(note(`Rate ${i} ${Date.now()}`), { address })).status).toBe(201);
    const limited = await post(note(`Rate 5 ${Date.now()}`), { address });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorOf(limited)).toMatchObject({ code: 'rate_limit_exceeded', type: 'requests' });
  });
});

describe('reports and moderation', () => {
  test('two reports hide a note; the moderator sees it, restores it, hides it and deletes it', async () => {
    const created = await post(note(`Spammy ${Date.now()}`));
    const { id } = ((await created.json()) as { note: { id: number } }).note;

    expect(await (await reportNote(id, '203.0.113.1')).json()).toEqual({ reported: true, hidden: false });
    expect(await (await reportNote(id, '203.0.113.2')).json()).toEqual({ reported: true, hidden: true });
    const visible = (await (await list('?limit=50')).json()) as { notes: Array<{ id: number }> };
    expect(visible.notes.some((n) => n.id === id)).toBe(false);
    expect((await reportNote(999_999_999, '203.0.113.3')).status).toBe(404);

    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    expect((await admin.GET(new Request(`${ORIGIN}/api/admin/notes`))).status).toBe(401);
    expect(
      (
        await admin.GET(
          new Request(`${ORIGIN}/api/admin/notes`, {
            headers: { authorization: 'Bearer wrong-token-xxxxxxxx' },
          }),
        )
      ).status,
    ).toBe(401);
    const hidden = (await (
      await admin.GET(new Request(`${ORIGIN}/api/admin/notes?filter=hidden`, { headers: auth }))
    ).json()) as { notes: Array<{ id: number; hiddenReason: string; body: string }> };
    expect(hidden.notes.find((n) => n.id === id)).toMatchObject({ hiddenReason: 'reports' });

    const act = (method: 'PATCH' | 'DELETE', action?: string) =>
      adminNote[method](
        new Request(`${ORIGIN}/api/admin/notes/${id}`, {
          method,
          headers: { ...auth, 'content-type': 'application/json' },
          body: action ? JSON.stringify({ action }) : undefined,
        }),
        { params: Promise.resolve({ id: String(id) }) },
      );
    expect(await (await act('PATCH', 'restore')).json()).toMatchObject({
      note: { id, hiddenReason: null, reportCount: 0 },
    });
    expect(
      ((await (await list('?limit=50')).json()) as { notes: Array<{ id: number }> }).notes.some(
        (n) => n.id === id,
      ),
    ).toBe(true);
    expect(await (await act('PATCH', 'hide')).json()).toMatchObject({ note: { hiddenReason: 'moderator' } });
    expect((await act('PATCH', 'shred')).status).toBe(400);
    expect(await (await act('DELETE')).json()).toEqual({ deleted: true });
    expect((await act('DELETE')).status).toBe(404);
  });
});

describe('admin token guesses', () => {
  test('are limited per client address: after 5 wrong tokens, every request from there gets 429, the right token too', async () => {
    const guess = (token: string, address: string) =>
      admin.GET(
        new Request(`${ORIGIN}/api/admin/notes`, {
          headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': address },
        }),
      );
    // Fresh addresses each run: with REDIS_URL set (as in .ci/run) the limit store outlives this process, and an
    // earlier run's guesses from a fixed address would still count.
    const guesser = `2001:db8::66:${randomInt(1, 0xffff).toString(16)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await guess(`wrong-token-${i}-xxxxxxxx`, guesser)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const locked = await guess(ADMIN_TOKEN, guesser);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorOf(locked)).toMatchObject({ code: 'rate_limit_exceeded', type: 'requests' });
    // Another address is not locked out by this one's guesses.
    expect((await guess(ADMIN_TOKEN, `2001:db8::67:${randomInt(1, 0xffff).toString(16)}`)).status).toBe(200);
  });
});
