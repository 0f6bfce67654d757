import { ApiError } from '@/lib/errors';

/**
 * The notes API's error codes and the status and `type` each answers with. A `NoteError` is the app's one error
 * class (`ApiError`, one envelope, one way out) built from a code; `fields` (field name to message) ride along when
 * a form field is at fault, so the form can show each message in place.
 */
export const NOTE_ERRORS = {
  invalid_json: [400, 'invalid_request_error'],
  invalid_note: [400, 'invalid_request_error'],
  invalid_query: [400, 'invalid_request_error'],
  note_rejected: [400, 'invalid_request_error'],
  unauthorized: [401, 'invalid_request_error'],
  cross_origin: [403, 'permission_error'],
  lesson_not_found: [404, 'invalid_request_error'],
  note_not_found: [404, 'invalid_request_error'],
  duplicate_note: [409, 'invalid_request_error'],
  request_too_large: [413, 'invalid_request_error'],
  unsupported_media_type: [415, 'invalid_request_error'],
  note_too_complex: [422, 'invalid_request_error'],
  rate_limit_exceeded: [429, 'requests'],
  moderation_disabled: [503, 'server_error'],
  notes_unavailable: [503, 'server_error'],
} as const;

export type NoteErrorCode = keyof typeof NOTE_ERRORS;

export class NoteError extends ApiError {
  constructor(
    code: NoteErrorCode,
    message: string,
    extra: { fields?: Record<string, string>; param?: string; retryAfterSec?: number } = {},
  ) {
    const [status, type] = NOTE_ERRORS[code];
    super(status, message, {
      type,
      code,
      param: extra.param ?? (extra.fields ? Object.keys(extra.fields)[0] : null),
      fields: extra.fields,
      headers:
        extra.retryAfterSec === undefined
          ? {}
          : { 'retry-after': String(Math.max(1, Math.ceil(extra.retryAfterSec))) },
    });
    this.name = 'NoteError';
  }
}
