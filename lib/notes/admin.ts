import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { NoteRecord } from '@/lib/db/notes';
import { env } from '@/lib/env';
import type { ModerationNote } from './admin-types';
import { NoteError } from './errors';

/**
 * Moderation is unlocked by `Authorization: Bearer <ADMIN_TOKEN>`. With no ADMIN_TOKEN set, moderation is off.
 * Digests are compared in constant time, so response timing says nothing about the token.
 */
export function requireAdmin(headers: Headers): void {
  const token = env().ADMIN_TOKEN;
  if (!token) {
    throw new NoteError(
      'moderation_disabled',
      'Moderation is off: set ADMIN_TOKEN (16 characters or more) to enable it.',
    );
  }
  const given = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '')?.[1]?.trim() ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  if (!given || !timingSafeEqual(digest(given), digest(token))) {
    throw new NoteError(
      'unauthorized',
      'A valid admin token is required (Authorization: Bearer <ADMIN_TOKEN>).',
    );
  }
}

export const moderationQuerySchema = z.object({
  filter: z.enum(['hidden', 'reported', 'all']).default('reported'),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const moderationActionSchema = z.object({ action: z.enum(['hide', 'restore']) });

export function toModerationNote(note: NoteRecord): ModerationNote {
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
