import MiniSearch from 'minisearch';
import { getLessons } from '@/lib/lessons/loader';
import { searchDocuments } from '@/lib/search/documents';
import { SEARCH_OPTIONS } from '@/lib/search/options';

/** The course's search index, built once at build time and served as a static file: search works offline. */
export const dynamic = 'force-static';

export async function GET(): Promise<Response> {
  const index = new MiniSearch(SEARCH_OPTIONS);
  index.addAll(searchDocuments(await getLessons()));
  return new Response(JSON.stringify(index), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
}
