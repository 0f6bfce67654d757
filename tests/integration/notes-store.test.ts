import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeAllPools, connect, type Database } from '@/lib/db/client';
import * as store from '@/lib/db/notes';
import { NoteError } from '@/lib/notes/errors';
import { migrateDatabase, startTestDatabase, type TestDatabase } from './notes-database';

let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await startTestDatabase();
  await migrateDatabase(database.url);
  db = connect(database.url).db;
});
afterAll(async () => {
  await closeAllPools();
  await database?.stop();
});

const generous = { perAddressPerHour: 1_000, perLessonPerHour: 1_000 };
const uniqueSlug = () => `lesson-${randomBytes(4).toString('hex')}`;
const note = (lessonSlug: string, body: string, authorHash = 'author-1') => ({
  lessonSlug,
  body,
  displayName: 'Ada',
  sdkVersion: '7.57.0',
  authorHash,
});

async function rejection(promise: Promise<unknown>): Promise<NoteError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NoteError) return error;
    throw error;
  }
  throw new Error('expected a NoteError');
}

describe(`notes store`, () => {
  test('creates a note and lists it, newest first, paginated', async () => {
    const slug = uniqueSlug();
    const created = [];
    for (let i = 1; i <= 5; i++)
      created.push(await store.createNote(db, note(slug, `Tip number ${i}`), generous));
    expect(created[0]).toMatchObject({
      lessonSlug: slug,
      body: 'Tip number 1',
      hiddenReason: null,
      reportCount: 0,
    });
    expect(created[0]?.createdAt).toBeInstanceOf(Date);

    const first = await store.listNotes(db, { lessonSlug: slug, limit: 2 });
    expect(first.items.map((n) => n.body)).toEqual(['Tip number 5', 'Tip number 4']);
    const second = await store.listNotes(db, { lessonSlug: slug, limit: 2, before: first.nextBefore });
    expect(second.items.map((n) => n.body)).toEqual(['Tip number 3', 'Tip number 2']);
    const last = await store.listNotes(db, { lessonSlug: slug, limit: 2, before: second.nextBefore });
    expect(last.items.map((n) => n.body)).toEqual(['Tip number 1']);
    expect(last.nextBefore).toBeUndefined();

    expect((await store.listNotes(db, { lessonSlug: uniqueSlug(), limit: 10 })).items).toEqual([]);
    expect((await store.countVisibleNotes(db)).get(slug)).toBe(5);
  });

  test('keeps the body exactly as written (it is sanitized when rendered, not before)', async () => {
    const body = '<script>alert(1)</script> **bold** [x](javascript:alert(1))';
    const created = await store.createNote(db, note(uniqueSlug(), body), generous);
    const [row] = (await store.listNotes(db, { lessonSlug: created.lessonSlug, limit: 1 })).items;
    expect(row?.body).toBe(body);
  });

  test('refuses a duplicate on the same lesson, however it is spaced or cased', async () => {
    const slug = uniqueSlug();
    await store.createNote(db, note(slug, 'Set maxRetries: 0 in tests'), generous);
    const duplicate = await rejection(
      store.createNote(db, note(slug, '  set   MAXRETRIES: 0\nin tests ', 'author-2'), generous),
    );
    expect(duplicate.code).toBe('duplicate_note');
    expect(duplicate.status).toBe(409);
    // The same text on another lesson is a different note.
    await expect(
      store.createNote(db, note(uniqueSlug(), 'Set maxRetries: 0 in tests'), generous),
    ).resolves.toBeTruthy();
  });

  test('limits notes per address per hour, across lessons, with a retry-after', async () => {
    const author = `author-${randomBytes(4).toString('hex')}`;
    const limits = { perAddressPerHour: 3, perLessonPerHour: 1_000 };
    for (let i = 0; i < 3; i++) await store.createNote(db, note(uniqueSlug(), `Note ${i}`, author), limits);
    const limited = await rejection(store.createNote(db, note(uniqueSlug(), 'One more', author), limits));
    expect(limited.code).toBe('rate_limit_exceeded');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3500);
    // Someone else may still post.
    await expect(
      store.createNote(db, note(uniqueSlug(), 'Other author', `${author}-b`), limits),
    ).resolves.toBeTruthy();
  });

  test('limits notes per lesson per hour, whoever posts them', async () => {
    const slug = uniqueSlug();
    const limits = { perAddressPerHour: 1_000, perLessonPerHour: 2 };
    await store.createNote(db, note(slug, 'a first note', 'p1'), limits);
    await store.createNote(db, note(slug, 'a second note', 'p2'), limits);
    const limited = await rejection(store.createNote(db, note(slug, 'a third note', 'p3'), limits));
    expect(limited.code).toBe('rate_limit_exceeded');
  });

  test('the limits hold exactly under concurrent posts', async () => {
    const slug = uniqueSlug();
    const limits = { perAddressPerHour: 1_000, perLessonPerHour: 4 };
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        store.createNote(db, note(slug, `racing note ${i}`, `racer-${i}`), limits),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    expect((await store.countVisibleNotes(db)).get(slug)).toBe(4);
  });

  test('reports: one per address, the third hides the note until a moderator restores it', async () => {
    const slug = uniqueSlug();
    const target = await store.createNote(db, note(slug, 'Buy cheap tokens at example.com'), generous);
    const keep = await store.createNote(db, note(slug, 'A useful tip'), generous);
    const limits = { hideAt: 3, perAddressPerHour: 100 };
    const report = (who: string) =>
      store.reportNote(db, { lessonSlug: slug, noteId: target.id, reporterHash: who }, limits);

    expect(await report('r1')).toEqual({ counted: true, hidden: false });
    expect(await report('r1')).toEqual({ counted: false, hidden: false });
    expect(await report('r2')).toEqual({ counted: true, hidden: false });
    expect(await report('r3')).toEqual({ counted: true, hidden: true });

    expect((await store.listNotes(db, { lessonSlug: slug, limit: 10 })).items.map((n) => n.id)).toEqual([
      keep.id,
    ]);
    expect((await store.countVisibleNotes(db)).get(slug)).toBe(1);
    const hidden = await store.listForModeration(db, { filter: 'hidden', limit: 50 });
    expect(hidden.items.find((n) => n.id === target.id)).toMatchObject({
      hiddenReason: 'reports',
      reportCount: 3,
    });

    const restored = await store.restoreNote(db, target.id);
    expect(restored).toMatchObject({ hiddenReason: null, reportCount: 0 });
    expect(restored?.reviewedAt).toBeInstanceOf(Date);
    expect((await store.listNotes(db, { lessonSlug: slug, limit: 10 })).items).toHaveLength(2);
    // The same reporters cannot hide it again; new ones count afresh.
    expect(await report('r1')).toEqual({ counted: false, hidden: false });
    expect(await report('r4')).toEqual({ counted: true, hidden: false });
  });

  test('a report names a note on its own lesson, and reports per address are limited', async () => {
    const slug = uniqueSlug();
    const target = await store.createNote(db, note(slug, 'Reported across lessons'), generous);
    const wrongLesson = await rejection(
      store.reportNote(
        db,
        { lessonSlug: uniqueSlug(), noteId: target.id, reporterHash: 'x' },
        { hideAt: 3, perAddressPerHour: 5 },
      ),
    );
    expect(wrongLesson.code).toBe('note_not_found');

    const others = [];
    for (let i = 0; i < 3; i++)
      others.push(await store.createNote(db, note(slug, `Spam candidate ${i}`), generous));
    const limits = { hideAt: 100, perAddressPerHour: 2 };
    await store.reportNote(db, { lessonSlug: slug, noteId: others[0]!.id, reporterHash: 'busy' }, limits);
    await store.reportNote(db, { lessonSlug: slug, noteId: others[1]!.id, reporterHash: 'busy' }, limits);
    const limited = await rejection(
      store.reportNote(db, { lessonSlug: slug, noteId: others[2]!.id, reporterHash: 'busy' }, limits),
    );
    expect(limited.code).toBe('rate_limit_exceeded');
  });

  test('moderators hide, restore and delete', async () => {
    const slug = uniqueSlug();
    const target = await store.createNote(db, note(slug, 'Moderate me'), generous);
    expect(await store.hideNote(db, target.id)).toMatchObject({ hiddenReason: 'moderator' });
    expect((await store.listNotes(db, { lessonSlug: slug, limit: 10 })).items).toEqual([]);
    // A hidden note stays hidden whatever reports say afterwards.
    await store.reportNote(
      db,
      { lessonSlug: slug, noteId: target.id, reporterHash: 'z' },
      { hideAt: 1, perAddressPerHour: 9 },
    );
    expect(
      (await store.listForModeration(db, { filter: 'hidden', limit: 50 })).items.find(
        (n) => n.id === target.id,
      ),
    ).toMatchObject({ hiddenReason: 'moderator' });

    expect(await store.restoreNote(db, target.id)).toMatchObject({ hiddenReason: null });
    expect((await store.listNotes(db, { lessonSlug: slug, limit: 10 })).items).toHaveLength(1);
    expect(await store.deleteNote(db, target.id)).toBe(true);
    expect(await store.deleteNote(db, target.id)).toBe(false);
    expect(await store.hideNote(db, target.id)).toBeUndefined();
    expect(
      (await store.listForModeration(db, { filter: 'all', limit: 50 })).items.some((n) => n.id === target.id),
    ).toBe(false);
  });

  test('address hashes are stable per database and never the address itself', async () => {
    const a = await store.hashAddress(db, '203.0.113.7');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toContain('203.0.113.7');
    expect(await store.hashAddress(db, '203.0.113.7')).toBe(a);
    expect(await store.hashAddress(db, '203.0.113.8')).not.toBe(a);
  });
});
