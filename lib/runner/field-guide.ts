/**
 * Links the inspector's JSON paths to a lesson's field guide. Guide entries are named like the SDK reads them
 * (`choices[0].message.content`, `usage.total_tokens`); fields of a choice may also be named without the
 * `choices[0].` prefix (`finish_reason`).
 */

export interface GuideLink {
  name: string;
  anchor: string;
  summary: string;
}

export type JsonPath = readonly (string | number)[];

/** `choices[0].message.content` → `choices.message.content`. */
export function normalizeFieldName(name: string): string {
  return name
    .replace(/\[\d*\]/g, '')
    .split('.')
    .map((s) => s.trim())
    .filter(Boolean)
    .join('.');
}

function pathKey(path: JsonPath): string {
  return path.filter((s): s is string => typeof s === 'string').join('.');
}

/** The guide entry explaining the field at `path`, if any. */
export function guideEntryFor<T extends GuideLink>(path: JsonPath, entries: readonly T[]): T | undefined {
  if (!path.length || typeof path[path.length - 1] === 'number') return undefined;
  const byName = new Map(entries.map((e) => [normalizeFieldName(e.name), e]));
  const exact = byName.get(pathKey(path));
  if (exact) return exact;
  // `choices[0].finish_reason` is also `finish_reason`: drop a leading array and its index.
  if (path.length > 2 && typeof path[1] === 'number') return byName.get(pathKey(path.slice(2)));
  return undefined;
}

/** Readable form of a path: `choices[0].message.content`. */
export function formatPath(path: JsonPath): string {
  return path.reduce<string>(
    (out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg),
    '',
  );
}

/** The error-recovery entry for an SDK error class, e.g. `RateLimitError` → `#error-ratelimiterror`. */
export function errorEntryFor<T extends { name: string }>(
  errorName: string,
  entries: readonly T[],
): T | undefined {
  return entries.find((e) => e.name.replace(/`/g, '').trim() === errorName);
}
