import { assertSameOrigin, clientAddress, json, parseOr400, readJsonBody, respond } from '@/lib/http';
import {
  deleteNoteForGood,
  moderateNote,
  moderationActionSchema,
  noteIdSchema,
  requireAdmin,
} from '@/lib/notes/admin';
import { NoteError } from '@/lib/notes/errors';

type Context = { params: Promise<{ id: string }> };

/** Same origin, a valid admin token, and a note id: what every moderation action needs first. */
async function authorise(request: Request, { params }: Context): Promise<number> {
  assertSameOrigin(request.headers);
  await requireAdmin(request.headers, clientAddress(request.headers));
  const id = noteIdSchema.safeParse((await params).id);
  if (!id.success) throw new NoteError('note_not_found', 'There is no such note.');
  return id.data;
}

/** `{ "action": "hide" | "restore" }`: hide a note, or restore it (visible, reports reset). */
export function PATCH(request: Request, context: Context) {
  return respond(async () => {
    const id = await authorise(request, context);
    const action = parseOr400(
      moderationActionSchema,
      await readJsonBody(request, { maxBytes: 1024 }),
      'invalid_query',
    );
    return json({ note: await moderateNote(id, action) });
  });
}

/** Deletes a note and its reports for good. */
export function DELETE(request: Request, context: Context) {
  return respond(async () => {
    await deleteNoteForGood(await authorise(request, context));
    return json({ deleted: true });
  });
}
