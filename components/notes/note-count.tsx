import { connection } from 'next/server';
import { Suspense } from 'react';
import { Badge } from '@/components/ui/badge';
import { noteCountsForRequest } from '@/lib/notes/section';

/** "3 notes" on a course-index card; nothing when the database is unavailable. */
export function NoteCount({ slug }: { slug: string }) {
  return (
    <Suspense fallback={null}>
      <Count slug={slug} />
    </Suspense>
  );
}

async function Count({ slug }: { slug: string }) {
  await connection();
  const counts = await noteCountsForRequest();
  if (!counts) return null;
  const n = counts.get(slug) ?? 0;
  return <Badge>{n === 0 ? 'No notes yet' : n === 1 ? '1 community note' : `${n} community notes`}</Badge>;
}
