import 'server-only';
import { apiErrors, errorResponse } from '@/lib/errors';
import { NoteError } from './errors';

/** One way out for every notes and moderation route: the app's error envelope. */
export function notesErrorResponse(error: unknown): Response {
  if (error instanceof NoteError) return errorResponse(error);
  console.error('[notes] unexpected error:', error);
  return errorResponse(apiErrors.internal());
}
