import 'server-only';
import { z } from 'zod';
import { DatabaseUnavailableError, getDb, type Database } from '@/lib/db/client';
import * as repo from '@/lib/db/notes';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { getLesson } from '@/lib/lessons/loader';
import { createPerClientLimiter, type PerClientLimiter } from '@/lib/limits/per-client';
import { sharedLimitStore } from '@/lib/limits/store';
import { NoteError } from './errors';
import { checkRenderable, renderNote } from './render';
import { fieldErrors, noteInputSchema, olderSdkLabel } from './schema';
import type { NoteView } from './types';

export const PAGE_SIZE = 20;

/** Query string of `GET /api/lessons/[slug]/notes`. */
export const listQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(PAGE_SIZE),
});

/** The database, or a 503 in the envelope when there is none or it does not answer. */
export function notesDb(): Database {
  try {
    return getDb();
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw unavailable();
    throw error;
  }
}

export const unavailable = () =>
  new NoteError('notes_unavailable', 'Community notes are unavailable right now.');

/** Turns driver errors (server down, timeouts) into the 503 envelope; the app's own errors pass through. */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = notesDb();
  try {
    return await work(db);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    console.error('[notes] database error:', error instanceof Error ? error.message : error);
    throw unavailable();
  }
}

async function requireLesson(slug: string) {
  const lesson = await getLesson(slug);
  if (!lesson) throw new NoteError('lesson_not_found', `There is no lesson "${slug}".`);
  return lesson;
}

export async function toView(note: repo.NoteRecord, lessonSdk: string): Promise<NoteView> {
  return {
    id: note.id,
    displayName: note.displayName,
    sdkVersion: note.sdkVersion,
    createdAt: note.createdAt.toISOString(),
    html: await renderNote(note.body),
    olderSdkLabel: olderSdkLabel(note.sdkVersion, lessonSdk),
  };
}

/** A page of a lesson's visible notes, newest first, rendered. */
export async function getNotesPage(slug: string, options: { before?: number; limit?: number } = {}) {
  const lesson = await requireLesson(slug);
  const page = await withDatabase((db) =>
    repo.listNotes(db, { lessonSlug: slug, before: options.before, limit: options.limit ?? PAGE_SIZE }),
  );
  const notes: NoteView[] = [];
  for (const note of page.items) notes.push(await toView(note, lesson.frontmatter.sdk.node));
  return { notes, nextBefore: page.nextBefore ?? null };
}

/** Visible notes per lesson slug; empty when the database is unavailable (the index still renders). */
export async function getNoteCounts(): Promise<Map<string, number> | undefined> {
  try {
    return await withDatabase((db) => repo.countVisibleNotes(db));
  } catch {
    return undefined;
  }
}

const ATTEMPTS = Symbol.for('tokenwise.noteAttempts');

/** Posts one address may attempt per minute, stored or refused: one process-wide window in the shared store. */
function postAttempts() {
  const holder = globalThis as unknown as Record<symbol, PerClientLimiter | undefined>;
  holder[ATTEMPTS] ??= createPerClientLimiter(
    'note-post',
    env().NOTES_ATTEMPTS_PER_MINUTE,
    'note posts',
    sharedLimitStore(),
  );
  return holder[ATTEMPTS];
}

/** Validates, checks the honeypot and limits, renders once, stores. */
export async function postNote(slug: string, input: unknown, address: string): Promise<NoteView> {
  const lesson = await requireLesson(slug);
  const parsed = noteInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw new NoteError('invalid_note', Object.values(fields)[0] ?? 'The note is not valid.', { fields });
  }
  const { body, displayName, sdkVersion, website } = parsed.data;
  // The honeypot field is invisible to people; anything in it came from a bot.
  if (website) throw new NoteError('note_rejected', 'This note could not be accepted.');
  // Attempts are counted before the note is rendered, so refused notes cost their sender too.
  await postAttempts().admit(address);
  await checkRenderable(body);

  const config = env();
  const created = await withDatabase(async (db) =>
    repo.createNote(
      db,
      {
        lessonSlug: slug,
        body,
        displayName,
        sdkVersion: sdkVersion ?? lesson.frontmatter.sdk.node,
        authorHash: await repo.hashAddress(db, address),
      },
      { perAddressPerHour: config.NOTES_LIMIT_PER_IP, perLessonPerHour: config.NOTES_LIMIT_PER_LESSON },
    ),
  );
  return toView(created, lesson.frontmatter.sdk.node);
}

/** Files a report from `address`; the note hides itself at NOTES_REPORTS_TO_HIDE reports. */
export async function reportNote(slug: string, noteId: number, address: string) {
  await requireLesson(slug);
  const config = env();
  return withDatabase(async (db) =>
    repo.reportNote(
      db,
      { lessonSlug: slug, noteId, reporterHash: await repo.hashAddress(db, address) },
      { hideAt: config.NOTES_REPORTS_TO_HIDE, perAddressPerHour: config.NOTES_REPORTS_PER_IP },
    ),
  );
}
