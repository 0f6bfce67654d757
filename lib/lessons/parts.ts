/**
 * The course's parts, by lesson number: the index groups lessons under these headings. A lesson past the last
 * part's range lands in a final "More lessons" part, so a new lesson is never hidden.
 */
export const PARTS = [
  { id: 'first-calls', title: 'First calls', from: 1, to: 3 },
  { id: 'production-habits', title: 'Production habits', from: 4, to: 6 },
  { id: 'tools-and-structure', title: 'Tools and structure', from: 7, to: 8 },
  { id: 'responses-api', title: 'The Responses API', from: 9, to: 10 },
] as const;

export interface Part<L> {
  id: string;
  title: string;
  lessons: L[];
  minutes: number;
}

/** Groups lessons (in course order) into their parts; parts with no lesson yet are left out. */
export function groupIntoParts<L extends { order: number; minutes: number }>(lessons: L[]): Part<L>[] {
  const parts: Part<L>[] = PARTS.map((p) => ({
    id: p.id,
    title: p.title,
    lessons: lessons.filter((l) => l.order >= p.from && l.order <= p.to),
    minutes: 0,
  }));
  const last = PARTS.at(-1)!.to;
  parts.push({
    id: 'more',
    title: 'More lessons',
    lessons: lessons.filter((l) => l.order > last),
    minutes: 0,
  });
  return parts
    .filter((p) => p.lessons.length > 0)
    .map((p) => ({ ...p, minutes: p.lessons.reduce((sum, l) => sum + l.minutes, 0) }));
}
