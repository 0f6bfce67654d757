import { PROGRESS_VERSION, readProgressValue, type LessonProgress, type Progress } from './schema';

/** Pure updates to a progress value; the store persists what they return. */
export function emptyProgress(now = new Date()): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, lastLesson: null, updatedAt: now.toISOString() };
}

/** Reads a stored or imported value: the progress, or why it cannot be used. */
export function parseProgress(raw: string): { ok: true; progress: Progress } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  const version = typeof data === 'object' && data !== null ? (data as { version?: unknown }).version : undefined;
  if (version !== PROGRESS_VERSION) {
    return { ok: false, reason: `it is not Tokenwise progress of version ${PROGRESS_VERSION} (found version ${JSON.stringify(version ?? null)})` };
  }
  const result = readProgressValue(data);
  if (!result.ok) return { ok: false, reason: `it does not have the expected shape (${result.path.join('.') || 'root'})` };
  return { ok: true, progress: result.progress };
}

function lessonOf(progress: Progress, slug: string, now: string): LessonProgress {
  return progress.lessons[slug] ?? { openedAt: now, visitedAt: now, questions: [], challenges: [], revealed: [] };
}

function withLesson(progress: Progress, slug: string, now: Date, change: (l: LessonProgress) => LessonProgress, visit = false): Progress {
  const at = now.toISOString();
  return {
    ...progress,
    lessons: { ...progress.lessons, [slug]: change(lessonOf(progress, slug, at)) },
    lastLesson: visit ? slug : progress.lastLesson,
    updatedAt: at,
  };
}

const add = (list: string[], id: string) => (list.includes(id) ? list : [...list, id]);

export function recordOpened(progress: Progress, slug: string, now = new Date()): Progress {
  return withLesson(progress, slug, now, (l) => ({ ...l, visitedAt: now.toISOString() }), true);
}

export function recordQuestion(progress: Progress, slug: string, questionId: string, now = new Date()): Progress {
  if (progress.lessons[slug]?.questions.includes(questionId)) return progress;
  return withLesson(progress, slug, now, (l) => ({ ...l, questions: add(l.questions, questionId) }));
}

/**
 * The learner asked to see the answer. It is kept apart from right answers: the question still counts as left
 * until it is answered right, and the lesson shows it as "answer shown".
 */
export function recordRevealed(progress: Progress, slug: string, questionId: string, now = new Date()): Progress {
  if (progress.lessons[slug]?.revealed.includes(questionId)) return progress;
  return withLesson(progress, slug, now, (l) => ({ ...l, revealed: add(l.revealed, questionId) }));
}

export function recordChallenge(progress: Progress, slug: string, challengeId: string, now = new Date()): Progress {
  if (progress.lessons[slug]?.challenges.includes(challengeId)) return progress;
  return withLesson(progress, slug, now, (l) => ({ ...l, challenges: add(l.challenges, challengeId) }));
}

/** Import: the union of both, so bringing in an old export never loses anything done since. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const lessons: Record<string, LessonProgress> = { ...a.lessons };
  for (const [slug, theirs] of Object.entries(b.lessons)) {
    const ours = lessons[slug];
    lessons[slug] = ours
      ? {
          openedAt: ours.openedAt < theirs.openedAt ? ours.openedAt : theirs.openedAt,
          visitedAt: ours.visitedAt > theirs.visitedAt ? ours.visitedAt : theirs.visitedAt,
          questions: [...new Set([...ours.questions, ...theirs.questions])],
          challenges: [...new Set([...ours.challenges, ...theirs.challenges])],
          revealed: [...new Set([...ours.revealed, ...theirs.revealed])],
        }
      : theirs;
  }
  const newer = a.updatedAt >= b.updatedAt ? a : b;
  return { version: PROGRESS_VERSION, lessons, lastLesson: newer.lastLesson ?? a.lastLesson ?? b.lastLesson, updatedAt: newer.updatedAt };
}

export interface LessonStatus {
  opened: boolean;
  questionsDone: number;
  questionsTotal: number;
  challengesDone: number;
  challengesTotal: number;
  /** Ids still to do, in quiz order (a question whose answer was shown stays here until it is answered right). */
  questionsLeft: string[];
  /** Ids of questions left whose answer the learner asked to see. */
  questionsRevealed: string[];
  challengesLeft: string[];
  complete: boolean;
}

/** Progress on one lesson, counted against the quiz as it is now (ids removed from the quiz no longer count). */
export function lessonStatus(progress: Progress | null, outline: { lesson: string; questions: string[]; challenges: string[] }): LessonStatus {
  const mine = progress?.lessons[outline.lesson];
  const questionsLeft = outline.questions.filter((id) => !mine?.questions.includes(id));
  const challengesLeft = outline.challenges.filter((id) => !mine?.challenges.includes(id));
  return {
    opened: Boolean(mine),
    questionsDone: outline.questions.length - questionsLeft.length,
    questionsTotal: outline.questions.length,
    challengesDone: outline.challenges.length - challengesLeft.length,
    challengesTotal: outline.challenges.length,
    questionsLeft,
    questionsRevealed: questionsLeft.filter((id) => mine?.revealed.includes(id)),
    challengesLeft,
    complete: Boolean(mine) && questionsLeft.length === 0 && challengesLeft.length === 0,
  };
}
