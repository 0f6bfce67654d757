import { NoteError } from '@/lib/notes/errors';
import { notesErrorResponse } from '@/lib/notes/http';
import { assertSameOrigin, clientAddress, readJsonBody } from '@/lib/notes/request';
import { NOTE_LIMITS } from '@/lib/notes/schema';
import { getNotesPage, listQuerySchema, postNote } from '@/lib/notes/service';
import type { NotesPage } from '@/lib/notes/types';

type Context = { params: Promise<{ slug: string }> };

export const dynamic = 'force-dynamic';

/** Visible notes on a lesson, newest first: `?before=<id>&limit=<1..50>`. */
export async function GET(request: Request, { params }: Context) {
  try {
    const { slug } = await params;
    const query = listQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success)
      throw new NoteError('invalid_query', 'before must be a note id and limit 1 to 50.', {
        param: 'before',
      });
    const page: NotesPage = await getNotesPage(slug, query.data);
    return Response.json(page, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return notesErrorResponse(error);
  }
}

/** Posts a note: JSON `{ body, displayName, sdkVersion?, website? }`, same origin only. */
export async function POST(request: Request, { params }: Context) {
  try {
    const { slug } = await params;
    assertSameOrigin(request.headers);
    const input = await readJsonBody(request, NOTE_LIMITS.requestMaxBytes);
    const note = await postNote(slug, input, clientAddress(request.headers));
    return Response.json({ note }, { status: 201 });
  } catch (error) {
    return notesErrorResponse(error);
  }
}
