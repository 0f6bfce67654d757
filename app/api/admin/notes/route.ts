import { listForModeration } from '@/lib/db/notes';
import { moderationQuerySchema, requireAdmin, toModerationNote } from '@/lib/notes/admin';
import { NoteError } from '@/lib/notes/errors';
import { notesErrorResponse } from '@/lib/notes/http';
import { withDatabase } from '@/lib/notes/service';

export const dynamic = 'force-dynamic';

/** Notes for moderation: `?filter=reported|hidden|all&before=<id>&limit=<1..100>`, newest first. */
export async function GET(request: Request) {
  try {
    requireAdmin(request.headers);
    const query = moderationQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) {
      throw new NoteError('invalid_query', 'filter must be reported, hidden or all; limit 1 to 100.', {
        param: 'filter',
      });
    }
    const page = await withDatabase((db) => listForModeration(db, query.data));
    return Response.json(
      { notes: page.items.map(toModerationNote), nextBefore: page.nextBefore ?? null },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    return notesErrorResponse(error);
  }
}
