import { z } from 'zod';
import { NoteError } from '@/lib/notes/errors';
import { notesErrorResponse } from '@/lib/notes/http';
import { assertSameOrigin, clientAddress } from '@/lib/notes/request';
import { reportNote } from '@/lib/notes/service';

type Context = { params: Promise<{ slug: string; id: string }> };

const noteId = z.coerce.number().int().positive();

/** Reports a note; enough reports from different addresses hide it until a moderator reviews it. */
export async function POST(request: Request, { params }: Context) {
  try {
    const { slug, id } = await params;
    assertSameOrigin(request.headers);
    const parsed = noteId.safeParse(id);
    if (!parsed.success) throw new NoteError('note_not_found', 'There is no such note on this lesson.');
    const outcome = await reportNote(slug, parsed.data, clientAddress(request.headers));
    return Response.json({ reported: true, hidden: outcome.hidden });
  } catch (error) {
    return notesErrorResponse(error);
  }
}
