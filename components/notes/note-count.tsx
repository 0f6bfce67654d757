'use client';

import { useEffect, useState } from 'react';
import { Badge } from '@/components/ui/badge';

/** One request per page for every card, however many cards ask. */
let counts: Promise<Record<string, number> | undefined> | undefined;

function fetchCounts() {
  counts ??= fetch('/api/notes/counts')
    .then((r) => (r.ok ? (r.json() as Promise<{ counts: Record<string, number> }>) : undefined))
    .then((body) => body?.counts)
    .catch(() => undefined);
  return counts;
}

/** "3 community notes" on a course-index card; nothing when the database is unavailable. */
export function NoteCount({ slug }: { slug: string }) {
  const [n, setN] = useState<number>();
  useEffect(() => {
    let live = true;
    void fetchCounts().then((all) => live && all && setN(all[slug] ?? 0));
    return () => {
      live = false;
    };
  }, [slug]);
  if (n === undefined) return null;
  return <Badge>{n === 0 ? 'No notes yet' : n === 1 ? '1 community note' : `${n} community notes`}</Badge>;
}
