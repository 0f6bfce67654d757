import { json, respond } from '@/lib/http';
import { getNoteCounts, unavailable } from '@/lib/notes/service';

export const dynamic = 'force-dynamic';

/**
 * Visible-note counts per lesson for the course index, which is static HTML and asks for them from the browser.
 * 503 `notes_unavailable` when the database is down (the index then shows no counts).
 */
export function GET() {
  return respond(async () => {
    const counts = await getNoteCounts();
    if (!counts) throw unavailable();
    return json({ counts: Object.fromEntries(counts) }, 200, { 'cache-control': 'public, max-age=10' });
  });
}
