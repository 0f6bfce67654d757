import { assertSameOrigin, clientAddress, json, respond } from '@/lib/http';
import { noteIdSchema } from '@/lib/notes/admin';
import { NoteError } from '@/lib/notes/errors';
import { reportNote } from '@/lib/notes/service';

type Context = { params: Promise<{ slug: string; id: string }> };

/** Reports a note; enough reports from different addresses hide it until a moderator reviews it. */
export function POST(request: Request, { params }: Context) {
  return respond(async () => {
    const { slug, id } = await params;
    assertSameOrigin(request.headers);
    const noteId = noteIdSchema.safeParse(id);
    if (!noteId.success) throw new NoteError('note_not_found', 'There is no such note on this lesson.');
    const outcome = await reportNote(slug, noteId.data, clientAddress(request.headers));
    return json({ reported: true, hidden: outcome.hidden });
  });
}
