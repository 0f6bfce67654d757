import { assertSameOrigin, clientAddress, json, parseOr400, readJsonBody, respond } from '@/lib/http';
import { NOTE_LIMITS } from '@/lib/notes/schema';
import { getNotesPage, listQuerySchema, postNote } from '@/lib/notes/service';
import type { NotesPage } from '@/lib/notes/types';

type Context = { params: Promise<{ slug: string }> };

export const dynamic = 'force-dynamic';

/** Visible notes on a lesson, newest first: `?before=<id>&limit=<1..50>`. */
export function GET(request: Request, { params }: Context) {
  return respond(async () => {
    const { slug } = await params;
    const query = parseOr400(
      listQuerySchema,
      Object.fromEntries(new URL(request.url).searchParams),
      'invalid_query',
    );
    const page: NotesPage = await getNotesPage(slug, query);
    return json(page);
  });
}

/** Posts a note: JSON `{ body, displayName, sdkVersion?, website? }`, same origin only. */
export function POST(request: Request, { params }: Context) {
  return respond(async () => {
    const { slug } = await params;
    assertSameOrigin(request.headers);
    const input = await readJsonBody(request, { maxBytes: NOTE_LIMITS.requestMaxBytes });
    // The note's own schema is parsed by the service, which turns each field's problem into a form message.
    const note = await postNote(slug, input, clientAddress(request.headers));
    return json({ note }, 201);
  });
}
