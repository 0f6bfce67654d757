import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Why a note is hidden: by enough reports (until a moderator reviews it) or by a moderator. */
export const HIDDEN_REASONS = ['reports', 'moderator'] as const;
export type HiddenReason = (typeof HIDDEN_REASONS)[number];

/** A community note on a lesson. The body is stored exactly as written and sanitized when rendered. */
export const notes = pgTable(
  'notes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    lessonSlug: text('lesson_slug').notNull(),
    body: text('body').notNull(),
    /** sha256 of the normalised body: the duplicate-post check, enforced by a unique index per lesson. */
    bodyHash: text('body_hash').notNull(),
    displayName: text('display_name').notNull(),
    /** The `openai` npm SDK version the note applies to, e.g. 7.57.0. */
    sdkVersion: text('sdk_version').notNull(),
    /** Salted hash of the poster's IP address, for per-IP limits; the address itself is never stored. */
    authorHash: text('author_hash').notNull(),
    /** null while visible. */
    hiddenReason: text('hidden_reason').$type<HiddenReason>(),
    reportCount: integer('report_count').notNull().default(0),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notes_lesson_visible_idx')
      .on(t.lessonSlug, t.id.desc())
      .where(sql`${t.hiddenReason} is null`),
    index('notes_hidden_idx')
      .on(t.id.desc())
      .where(sql`${t.hiddenReason} is not null`),
    index('notes_author_created_idx').on(t.authorHash, t.createdAt),
    index('notes_lesson_created_idx').on(t.lessonSlug, t.createdAt),
    uniqueIndex('notes_lesson_body_hash_key').on(t.lessonSlug, t.bodyHash),
    check('notes_hidden_reason_check', sql`${t.hiddenReason} in ('reports', 'moderator')`),
    check('notes_report_count_check', sql`${t.reportCount} >= 0`),
  ],
);

/** One row per (note, reporter): a reporter counts once per note. */
export const noteReports = pgTable(
  'note_reports',
  {
    noteId: bigint('note_id', { mode: 'number' })
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    reporterHash: text('reporter_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.noteId, t.reporterHash] }),
    index('note_reports_reporter_idx').on(t.reporterHash, t.createdAt),
  ],
);

/** Small key-value store for values every instance must share, such as the IP-hash salt. */
export const appSettings = pgTable('app_settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Responses the sandbox stored (`store` not false), so `previous_response_id`, `GET`, `DELETE` and `input_items`
 * work across restarts and instances. `owner` is a runner token's id or a hash of a learner's key, never a key.
 */
export const storedResponses = pgTable(
  'stored_responses',
  {
    id: text('id').primaryKey(),
    owner: text('owner').notNull(),
    /** The Response object as answered. */
    response: jsonb('response').notNull(),
    /** The conversation up to this response: earlier turns' items, then this request's own input items. */
    items: jsonb('items').notNull(),
    /** How many of `items` (the tail) are this request's own input. */
    inputCount: integer('input_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stored_responses_expires_idx').on(t.expiresAt)],
);

export type NoteRow = typeof notes.$inferSelect;
