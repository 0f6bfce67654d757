import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import * as repo from '@/lib/db/notes';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { formatReset, Window } from '@/lib/limits/window';
import { sharedLimitStore } from '@/lib/limits/store';
import type { ModerationNote } from './admin-types';
import { NoteError } from './errors';
import { withDatabase } from './service';

/**
 * The moderation service: who may moderate, and the three things a moderator does (list, hide or restore,
 * delete). The admin routes read, parse and call these; nothing else touches the notes table for them.
 */

/** Wrong admin tokens one client address may send before it is locked out for the rest of the window. */
export const ADMIN_GUESSES = { points: 5, windowSec: 15 * 60 };

const GUESSES = Symbol.for('tokenwise.adminGuesses');
function guessWindow(): Window {
  const holder = globalThis as unknown as Record<symbol, Window | undefined>;
  holder[GUESSES] ??= new Window(
    'admin-guesses',
    ADMIN_GUESSES.points,
    ADMIN_GUESSES.windowSec,
    sharedLimitStore(),
  );
  return holder[GUESSES];
}

/**
 * Moderation is unlocked by `Authorization: Bearer <ADMIN_TOKEN>`; with no ADMIN_TOKEN set, moderation is off.
 * Digests are compared in constant time, so response timing says nothing about the token, and each wrong token
 * costs its client address one of a few guesses: once they are spent, every request from that address is a 429,
 * the right token included, so a lockout can't be used to confirm a guess either.
 */
export async function requireAdmin(headers: Headers, address: string): Promise<void> {
  const token = env().ADMIN_TOKEN;
  if (!token) {
    throw new NoteError(
      'moderation_disabled',
      'Moderation is off: set ADMIN_TOKEN (16 characters or more) to enable it.',
    );
  }
  const guesses = guessWindow();
  const before = await guesses.peek(address);
  if (before.remaining <= 0) throw tooManyGuesses(before.resetMs);
  const given = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '')?.[1]?.trim() ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  if (!given || !timingSafeEqual(digest(given), digest(token))) {
    const after = await guesses.take(address);
    if (!after.ok) throw tooManyGuesses(after.resetMs);
    throw new NoteError(
      'unauthorized',
      'A valid admin token is required (Authorization: Bearer <ADMIN_TOKEN>).',
    );
  }
}

const tooManyGuesses = (resetMs: number) =>
  new ApiError(429, `Too many wrong admin tokens from this address. Try again in ${formatReset(resetMs)}.`, {
    type: 'requests',
    code: 'rate_limit_exceeded',
    headers: { 'retry-after': String(Math.max(1, Math.ceil(resetMs / 1000))) },
  });

export const moderationQuerySchema = z.object({
  filter: z.enum(['hidden', 'reported', 'all']).default('reported'),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const moderationActionSchema = z.strictObject({ action: z.enum(['hide', 'restore']) });

export const noteIdSchema = z.coerce.number().int().positive();

export function toModerationNote(note: repo.NoteRecord): ModerationNote {
  return {
    id: note.id,
    lessonSlug: note.lessonSlug,
    displayName: note.displayName,
    sdkVersion: note.sdkVersion,
    body: note.body,
    createdAt: note.createdAt.toISOString(),
    hiddenReason: note.hiddenReason,
    reportCount: note.reportCount,
    reviewedAt: note.reviewedAt?.toISOString() ?? null,
  };
}

const notFound = () => new NoteError('note_not_found', 'There is no such note.');

/** A page of notes for review, newest first. */
export async function listForModeration(query: z.output<typeof moderationQuerySchema>) {
  const page = await withDatabase((db) => repo.listForModeration(db, query));
  return { notes: page.items.map(toModerationNote), nextBefore: page.nextBefore ?? null };
}

/** Hides a note, or restores it (visible again, its reports reset). */
export async function moderateNote(
  id: number,
  { action }: z.output<typeof moderationActionSchema>,
): Promise<ModerationNote> {
  const note = await withDatabase((db) =>
    action === 'hide' ? repo.hideNote(db, id) : repo.restoreNote(db, id),
  );
  if (!note) throw notFound();
  return toModerationNote(note);
}

/** Deletes a note and its reports for good. */
export async function deleteNoteForGood(id: number): Promise<void> {
  if (!(await withDatabase((db) => repo.deleteNote(db, id)))) throw notFound();
}
