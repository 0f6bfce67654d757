import { z } from 'zod';
import { deleteNote, hideNote, restoreNote } from '@/lib/db/notes';
import { moderationActionSchema, requireAdmin, toModerationNote } from '@/lib/notes/admin';
import { NoteError } from '@/lib/notes/errors';
import { notesErrorResponse } from '@/lib/notes/http';
import { assertSameOrigin, readJsonBody } from '@/lib/notes/request';
import { withDatabase } from '@/lib/notes/service';

type Context = { params: Promise<{ id: string }> };

const noteId = z.coerce.number().int().positive();
const notFound = () => new NoteError('note_not_found', 'There is no such note.');

async function authorise(request: Request, { params }: Context): Promise<number> {
  assertSameOrigin(request.headers);
  requireAdmin(request.headers);
  const id = noteId.safeParse((await params).id);
  if (!id.success) throw notFound();
  return id.data;
}

/** `{ "action": "hide" | "restore" }`: hide a note, or restore it (visible, reports reset). */
export async function PATCH(request: Request, context: Context) {
  try {
    const id = await authorise(request, context);
    const body = moderationActionSchema.safeParse(await readJsonBody(request, 1024));
    if (!body.success)
      throw new NoteError('invalid_query', 'action must be "hide" or "restore".', { param: 'action' });
    const note = await withDatabase((db) =>
      body.data.action === 'hide' ? hideNote(db, id) : restoreNote(db, id),
    );
    if (!note) throw notFound();
    return Response.json({ note: toModerationNote(note) });
  } catch (error) {
    return notesErrorResponse(error);
  }
}

/** Deletes a note and its reports for good. */
export async function DELETE(request: Request, context: Context) {
  try {
    const id = await authorise(request, context);
    if (!(await withDatabase((db) => deleteNote(db, id)))) throw notFound();
    return Response.json({ deleted: true });
  } catch (error) {
    return notesErrorResponse(error);
  }
}
