import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { NoteError } from '@/lib/notes/errors';
import type { Database } from './client';
import { appSettings, noteReports, notes, type HiddenReason } from './schema';

/** A note as the app reads it; the poster's address hash never leaves this module. */
export interface NoteRecord {
  id: number;
  lessonSlug: string;
  body: string;
  displayName: string;
  sdkVersion: string;
  createdAt: Date;
  hiddenReason: HiddenReason | null;
  reportCount: number;
  reviewedAt: Date | null;
}

const record = {
  id: notes.id,
  lessonSlug: notes.lessonSlug,
  body: notes.body,
  displayName: notes.displayName,
  sdkVersion: notes.sdkVersion,
  createdAt: notes.createdAt,
  hiddenReason: notes.hiddenReason,
  reportCount: notes.reportCount,
  reviewedAt: notes.reviewedAt,
};

export interface Page<T> {
  items: T[];
  /** Pass as `before` for the next (older) page; undefined on the last page. */
  nextBefore?: number;
}

/** Same text, however it is spaced or cased, is the same note for the duplicate check. */
export function bodyHash(body: string): string {
  const normalised = body.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex');
}

const salts = new WeakMap<Database, Promise<string>>();

/** A random salt made once per database and shared by every instance, so address hashes agree across restarts. */
function addressSalt(db: Database): Promise<string> {
  let salt = salts.get(db);
  if (!salt) {
    salt = (async () => {
      await db
        .insert(appSettings)
        .values({ name: 'address_hash_salt', value: randomBytes(32).toString('hex') })
        .onConflictDoNothing();
      const [row] = await db.select().from(appSettings).where(eq(appSettings.name, 'address_hash_salt'));
      if (!row) throw new Error('address_hash_salt is missing');
      return row.value;
    })();
    salt.catch(() => salts.delete(db));
    salts.set(db, salt);
  }
  return salt;
}

/** A salted hash of a client address: enough to count posts per address, not enough to recover it. */
export async function hashAddress(db: Database, address: string): Promise<string> {
  const salt = await addressSalt(db);
  return createHash('sha256').update(`${salt}:${address}`).digest('hex').slice(0, 32);
}

export interface PostLimits {
  /** Notes one address may post per hour. */
  perAddressPerHour: number;
  /** Notes one lesson accepts per hour. */
  perLessonPerHour: number;
}

export interface NewNote {
  lessonSlug: string;
  body: string;
  displayName: string;
  sdkVersion: string;
  authorHash: string;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Posts in the last hour matching `where`, and seconds until the oldest of them leaves the window. */
async function lastHour(tx: Tx, where: ReturnType<typeof sql>) {
  const result = await tx.execute<{ n: number; wait: number | null }>(sql`
    select count(*)::int as n,
           extract(epoch from (min(created_at) + interval '1 hour' - now()))::float8 as wait
    from ${notes} where ${where} and created_at > now() - interval '1 hour'`);
  const row = result.rows[0];
  return { count: Number(row?.n ?? 0), retryAfterSec: Number(row?.wait ?? 60) };
}

/**
 * Stores a note after the per-address and per-lesson limits and the duplicate check. Advisory locks on the lesson
 * and the address serialise concurrent posts, so the limits hold exactly even across app instances.
 */
export async function createNote(db: Database, note: NewNote, limits: PostLimits): Promise<NoteRecord> {
  const hash = bodyHash(note.body);
  return db.transaction(async (tx) => {
    // Always lesson first, then address: one fixed order, so two posts can never wait on each other in a cycle.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`notes:lesson:${note.lessonSlug}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`notes:author:${note.authorHash}`}))`);

    const byAuthor = await lastHour(tx, sql`author_hash = ${note.authorHash}`);
    if (byAuthor.count >= limits.perAddressPerHour) {
      throw new NoteError(
        'rate_limit_exceeded',
        `You have posted ${limits.perAddressPerHour} notes in the last hour; please wait before posting another.`,
        { retryAfterSec: byAuthor.retryAfterSec },
      );
    }
    const byLesson = await lastHour(tx, sql`lesson_slug = ${note.lessonSlug}`);
    if (byLesson.count >= limits.perLessonPerHour) {
      throw new NoteError(
        'rate_limit_exceeded',
        'This lesson has received many notes in the last hour; please try again later.',
        { retryAfterSec: byLesson.retryAfterSec },
      );
    }

    const [created] = await tx
      .insert(notes)
      .values({ ...note, bodyHash: hash })
      .onConflictDoNothing({ target: [notes.lessonSlug, notes.bodyHash] })
      .returning(record);
    if (!created) {
      throw new NoteError('duplicate_note', 'This note has already been posted on this lesson.', {
        fields: { body: 'This note has already been posted on this lesson.' },
      });
    }
    return created;
  });
}

/** Visible notes on a lesson, newest first, `limit` at a time. */
export async function listNotes(
  db: Database,
  options: { lessonSlug: string; before?: number; limit: number },
): Promise<Page<NoteRecord>> {
  const rows = await db
    .select(record)
    .from(notes)
    .where(
      and(
        eq(notes.lessonSlug, options.lessonSlug),
        isNull(notes.hiddenReason),
        options.before === undefined ? undefined : lt(notes.id, options.before),
      ),
    )
    .orderBy(desc(notes.id))
    .limit(options.limit + 1);
  return paginate(rows, options.limit);
}

function paginate<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return rows.length > limit && last ? { items, nextBefore: last.id } : { items };
}

/** Visible notes per lesson slug, for the course index. */
export async function countVisibleNotes(db: Database): Promise<Map<string, number>> {
  const rows = await db
    .select({ slug: notes.lessonSlug, n: sql<number>`count(*)::int` })
    .from(notes)
    .where(isNull(notes.hiddenReason))
    .groupBy(notes.lessonSlug);
  return new Map(rows.map((row) => [row.slug, Number(row.n)]));
}

export interface ReportOutcome {
  /** False when this address had already reported the note: a reporter counts once. */
  counted: boolean;
  /** The note is now hidden, pending review. */
  hidden: boolean;
}

/**
 * Records a report. The `hideAt`-th report from a different address hides the note until a moderator reviews it;
 * reports filed before a review cannot be filed again, so the same people cannot hide a restored note again.
 */
export async function reportNote(
  db: Database,
  report: { lessonSlug: string; noteId: number; reporterHash: string },
  limits: { hideAt: number; perAddressPerHour: number },
): Promise<ReportOutcome> {
  return db.transaction(async (tx) => {
    const [note] = await tx
      .select({ hiddenReason: notes.hiddenReason, reportCount: notes.reportCount })
      .from(notes)
      .where(and(eq(notes.id, report.noteId), eq(notes.lessonSlug, report.lessonSlug)))
      .for('update');
    if (!note) throw new NoteError('note_not_found', 'There is no such note on this lesson.');

    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`notes:reporter:${report.reporterHash}`}))`);
    const recent = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from ${noteReports}
      where reporter_hash = ${report.reporterHash} and created_at > now() - interval '1 hour'`);
    if (Number(recent.rows[0]?.n ?? 0) >= limits.perAddressPerHour) {
      throw new NoteError(
        'rate_limit_exceeded',
        'You have filed many reports in the last hour; please wait a while.',
        {
          retryAfterSec: 3600,
        },
      );
    }

    const [inserted] = await tx
      .insert(noteReports)
      .values({ noteId: report.noteId, reporterHash: report.reporterHash })
      .onConflictDoNothing()
      .returning({ noteId: noteReports.noteId });
    if (!inserted) return { counted: false, hidden: note.hiddenReason !== null };

    const [updated] = await tx
      .update(notes)
      .set({
        reportCount: sql`${notes.reportCount} + 1`,
        hiddenReason: sql`case when ${notes.hiddenReason} is null and ${notes.reportCount} + 1 >= ${limits.hideAt}
                               then 'reports' else ${notes.hiddenReason} end`,
      })
      .where(eq(notes.id, report.noteId))
      .returning({ hiddenReason: notes.hiddenReason });
    return { counted: true, hidden: updated?.hiddenReason != null };
  });
}

export type ModerationFilter = 'hidden' | 'reported' | 'all';

/** Notes for the moderator, newest first: hidden ones, reported ones, or all. */
export async function listForModeration(
  db: Database,
  options: { filter: ModerationFilter; before?: number; limit: number },
): Promise<Page<NoteRecord>> {
  const filter =
    options.filter === 'hidden'
      ? isNotNull(notes.hiddenReason)
      : options.filter === 'reported'
        ? sql`${notes.reportCount} > 0`
        : undefined;
  const rows = await db
    .select(record)
    .from(notes)
    .where(and(filter, options.before === undefined ? undefined : lt(notes.id, options.before)))
    .orderBy(desc(notes.id))
    .limit(options.limit + 1);
  return paginate(rows, options.limit);
}

/** A moderator hides a note; it stays hidden until restored. */
export async function hideNote(db: Database, id: number): Promise<NoteRecord | undefined> {
  const [row] = await db
    .update(notes)
    .set({ hiddenReason: 'moderator', reviewedAt: sql`now()` })
    .where(eq(notes.id, id))
    .returning(record);
  return row;
}

/** A moderator restores a note: visible again, its report count back to zero. */
export async function restoreNote(db: Database, id: number): Promise<NoteRecord | undefined> {
  const [row] = await db
    .update(notes)
    .set({ hiddenReason: null, reportCount: 0, reviewedAt: sql`now()` })
    .where(eq(notes.id, id))
    .returning(record);
  return row;
}

/** Deletes a note and its reports for good. */
export async function deleteNote(db: Database, id: number): Promise<boolean> {
  const deleted = await db.delete(notes).where(eq(notes.id, id)).returning({ id: notes.id });
  return deleted.length > 0;
}
