import { ApiError, type ErrorEnvelope } from '@/lib/errors';

/**
 * The notes API's errors, in the app's one envelope (`lib/errors.ts`: `{ error: { message, type, param, code } }`),
 * plus `fields` (field name to message) when a form field is at fault, so the form can show each message in place.
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

export interface NoteErrorEnvelope extends ErrorEnvelope {
  error: ErrorEnvelope['error'] & { fields?: Record<string, string> };
}

export class NoteError extends ApiError {
  readonly fields?: Record<string, string>;

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
      headers:
        extra.retryAfterSec === undefined
          ? {}
          : { 'retry-after': String(Math.max(1, Math.ceil(extra.retryAfterSec))) },
    });
    this.name = 'NoteError';
    this.fields = extra.fields;
  }

  override toJSON(): NoteErrorEnvelope {
    const envelope = super.toJSON();
    return this.fields ? { error: { ...envelope.error, fields: this.fields } } : envelope;
  }
}
