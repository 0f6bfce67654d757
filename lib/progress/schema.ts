/**
 * A learner's progress as kept in the browser (localStorage) and in exported files. Versioned: a value is
 * validated on every read, and one that does not parse (or comes from an unknown version) is set aside instead
 * of breaking the page.
 *
 * Checked by hand rather than with zod: this module is on every page (the index, each lesson, settings) and zod
 * would be the largest script there, about 23 kB gzipped. tests/unit/progress-schema.test.ts keeps a zod schema of
 * the same shape as an oracle, and checks that both accept and refuse the same values.
 */
export const PROGRESS_VERSION = 1;

export type LessonProgress = {
  /** First time the lesson page was opened. */
  openedAt: string;
  /** Last time the lesson page was opened. */
  visitedAt: string;
  /** Ids of questions answered correctly. */
  questions: string[];
  /** Ids of challenges passed by a run. */
  challenges: string[];
  /** Ids of questions whose answer the learner asked to see: shown, not answered. */
  revealed: string[];
};

export type Progress = {
  version: typeof PROGRESS_VERSION;
  /** Progress per lesson slug. */
  lessons: Record<string, LessonProgress>;
  /** The lesson opened most recently: where "continue" leads. */
  lastLesson: string | null;
  updatedAt: string;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 80;
const MAX_ITEM_ID = 64;
const MAX_LESSONS = 500;
// An instant in UTC as toISOString() writes it (fractions of any length accepted, no offset other than Z).
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.\d+)?Z$/;

/** Where a value first fails, as a path into it ("lessons.one.questions.2"); null when it fits. */
type Problem = (string | number)[] | null;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSlug = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max && SLUG.test(value);

function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  // A real calendar day: 2026-02-30 matches the pattern but is not a date.
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Keys outside `allowed`, as a strict object refuses them. */
const extraKey = (value: Record<string, unknown>, allowed: readonly string[]) =>
  Object.keys(value).find((key) => !allowed.includes(key));

function idList(value: unknown, max: number, at: (string | number)[]): Problem {
  if (!Array.isArray(value) || value.length > max) return at;
  const bad = value.findIndex((id) => !isSlug(id, MAX_ITEM_ID));
  return bad === -1 ? null : [...at, bad];
}

const LESSON_KEYS = ['openedAt', 'visitedAt', 'questions', 'challenges', 'revealed'] as const;

function lessonProblem(value: unknown, at: (string | number)[]): Problem {
  if (!isRecord(value)) return at;
  const extra = extraKey(value, LESSON_KEYS);
  if (extra !== undefined) return [...at, extra];
  if (!isTimestamp(value.openedAt)) return [...at, 'openedAt'];
  if (!isTimestamp(value.visitedAt)) return [...at, 'visitedAt'];
  return (
    idList(value.questions, 100, [...at, 'questions']) ??
    idList(value.challenges, 50, [...at, 'challenges']) ??
    // Added after version 1 shipped: a stored value without it reads as "none shown", so the version stays 1.
    (value.revealed === undefined ? null : idList(value.revealed, 100, [...at, 'revealed']))
  );
}

const PROGRESS_KEYS = ['version', 'lessons', 'lastLesson', 'updatedAt'] as const;

function progressProblem(value: unknown): Problem {
  if (!isRecord(value)) return [];
  const extra = extraKey(value, PROGRESS_KEYS);
  if (extra !== undefined) return [extra];
  if (value.version !== PROGRESS_VERSION) return ['version'];
  if (!isRecord(value.lessons) || Object.keys(value.lessons).length > MAX_LESSONS) return ['lessons'];
  for (const [slug, lesson] of Object.entries(value.lessons)) {
    if (!isSlug(slug, MAX_SLUG)) return ['lessons', slug];
    const problem = lessonProblem(lesson, ['lessons', slug]);
    if (problem) return problem;
  }
  if (value.lastLesson !== null && !isSlug(value.lastLesson, MAX_SLUG)) return ['lastLesson'];
  if (!isTimestamp(value.updatedAt)) return ['updatedAt'];
  return null;
}

/** A copy made of known fields only, with the defaults filled in (`revealed`). */
function normalise(value: Progress): Progress {
  const lessons: Record<string, LessonProgress> = {};
  for (const [slug, l] of Object.entries(value.lessons)) {
    lessons[slug] = {
      openedAt: l.openedAt,
      visitedAt: l.visitedAt,
      questions: [...l.questions],
      challenges: [...l.challenges],
      revealed: [...(l.revealed ?? [])],
    };
  }
  return { version: PROGRESS_VERSION, lessons, lastLesson: value.lastLesson, updatedAt: value.updatedAt };
}

/** Validates an unknown value as progress: the value (a fresh copy), or the path where it first fails. */
export function readProgressValue(
  value: unknown,
): { ok: true; progress: Progress } | { ok: false; path: (string | number)[] } {
  const problem = progressProblem(value);
  return problem ? { ok: false, path: problem } : { ok: true, progress: normalise(value as Progress) };
}
