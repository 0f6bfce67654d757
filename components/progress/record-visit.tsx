'use client';

import { useEffect } from 'react';
import { recordOpened } from '@/lib/progress/model';
import { updateProgress } from '@/lib/progress/store';

/** Counts a visit to a lesson in the browser's progress; renders nothing. */
export function RecordVisit({ lesson }: { lesson: string }) {
  useEffect(() => updateProgress((p) => recordOpened(p, lesson)), [lesson]);
  return null;
}
