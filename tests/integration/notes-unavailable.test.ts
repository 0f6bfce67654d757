// With the database down, the notes API answers 503 in the envelope and the index counts route does too; the
// pages load both in the browser and show "unavailable" instead of failing.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

let closedPort: number;
beforeAll(async () => {
  // A port that was free a moment ago: nothing listens there, so connections are refused at once.
  closedPort = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
  process.env.DATABASE_URL = `postgres://postgres:x@127.0.0.1:${closedPort}/tokenwise`;
});
afterAll(async () => {
  const { closeAllPools } = await import('@/lib/db/client');
  await closeAllPools();
});

describe('when the database is down', () => {
  test('GET and POST answer 503 notes_unavailable in the error envelope', async () => {
    const routes = await import('@/app/api/lessons/[slug]/notes/route');
    const { getLessons } = await import('@/lib/lessons/loader');
    const slug = (await getLessons())[0]!.slug;
    const params = { params: Promise.resolve({ slug }) };

    const listed = await routes.GET(new Request(`http://localhost/api/lessons/${slug}/notes`), params);
    expect(listed.status).toBe(503);
    expect(await listed.json()).toEqual({
      error: {
        message: 'Community notes are unavailable right now.',
        type: 'server_error',
        param: null,
        code: 'notes_unavailable',
      },
    });

    const posted = await routes.POST(
      new Request(`http://localhost/api/lessons/${slug}/notes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'Still here?', displayName: 'Ada' }),
      }),
      params,
    );
    expect(posted.status).toBe(503);
  });

  test('the index counts route answers 503 notes_unavailable, so the static pages show no notes instead of failing', async () => {
    const { GET } = await import('@/app/api/notes/counts/route');
    const { getNoteCounts } = await import('@/lib/notes/service');
    const response = await GET();
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('notes_unavailable');
    expect(await getNoteCounts()).toBeUndefined();
  });
});
