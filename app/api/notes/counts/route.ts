import { NoteError } from '@/lib/notes/errors';
import { notesErrorResponse } from '@/lib/notes/http';
import { getNoteCounts } from '@/lib/notes/service';

export const dynamic = 'force-dynamic';

/**
 * Visible-note counts per lesson for the course index, which is static HTML and asks for them from the browser.
 * 503 `notes_unavailable` when the database is down (the index then shows no counts).
 */
export async function GET() {
  const counts = await getNoteCounts();
  if (!counts) return notesErrorResponse(new NoteError('notes_unavailable', 'Community notes are unavailable right now.'));
  return Response.json({ counts: Object.fromEntries(counts) }, { headers: { 'cache-control': 'public, max-age=10' } });
}
