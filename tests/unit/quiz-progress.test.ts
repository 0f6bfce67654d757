import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  lessonStatus,
  mergeProgress,
  parseProgress,
  recordChallenge,
  recordOpened,
  recordQuestion,
  recordRevealed,
} from '@/lib/progress/model';

const t = (n: number) => new Date(Date.UTC(2026, 10, 25, 12, 0, n));
const outline = { lesson: 'chat-completions', questions: ['q1', 'q2', 'q3'], challenges: ['c1'] };

describe('progress updates', () => {
  it('records a visit, right answers and passed challenges once each', () => {
    let p = recordOpened(emptyProgress(t(0)), 'chat-completions', t(1));
    p = recordQuestion(p, 'chat-completions', 'q1', t(2));
    const same = recordQuestion(p, 'chat-completions', 'q1', t(3));
    expect(same).toBe(p);
    p = recordChallenge(p, 'chat-completions', 'c1', t(4));
    p = recordOpened(p, 'chat-completions', t(5));
    expect(p.lastLesson).toBe('chat-completions');
    expect(p.lessons['chat-completions']).toEqual({
      openedAt: t(1).toISOString(),
      visitedAt: t(5).toISOString(),
      questions: ['q1'],
      challenges: ['c1'],
      revealed: [],
    });
  });

  it('records a shown answer as revealed, not as answered, until the learner answers it right', () => {
    let p = recordOpened(emptyProgress(t(0)), 'chat-completions', t(1));
    p = recordRevealed(p, 'chat-completions', 'q2', t(2));
    expect(recordRevealed(p, 'chat-completions', 'q2', t(3))).toBe(p);
    expect(p.lessons['chat-completions']).toMatchObject({ questions: [], revealed: ['q2'] });
    expect(lessonStatus(p, outline)).toMatchObject({ questionsDone: 0, questionsLeft: ['q1', 'q2', 'q3'], questionsRevealed: ['q2'] });
    p = recordQuestion(p, 'chat-completions', 'q2', t(4));
    expect(lessonStatus(p, outline)).toMatchObject({ questionsDone: 1, questionsLeft: ['q1', 'q3'], questionsRevealed: [] });
  });

  it('reads progress stored before answers could be shown as nothing revealed', () => {
    const old = { version: 1, lastLesson: 'one', updatedAt: t(0).toISOString(), lessons: { one: { openedAt: t(0).toISOString(), visitedAt: t(0).toISOString(), questions: ['q1'], challenges: [] } } };
    expect(parseProgress(JSON.stringify(old))).toMatchObject({ ok: true, progress: { lessons: { one: { questions: ['q1'], revealed: [] } } } });
  });

  it('counts what is left against the quiz as it is now', () => {
    expect(lessonStatus(null, outline)).toMatchObject({ opened: false, questionsDone: 0, questionsLeft: ['q1', 'q2', 'q3'], complete: false });
    let p = recordOpened(emptyProgress(), 'chat-completions');
    for (const id of ['q1', 'q2', 'gone']) p = recordQuestion(p, 'chat-completions', id);
    expect(lessonStatus(p, outline)).toMatchObject({ questionsDone: 2, questionsTotal: 3, questionsLeft: ['q3'], challengesLeft: ['c1'], complete: false });
    p = recordQuestion(recordChallenge(p, 'chat-completions', 'c1'), 'chat-completions', 'q3');
    expect(lessonStatus(p, outline).complete).toBe(true);
  });

  it('merges an import without losing anything done on either side', () => {
    const a = recordQuestion(recordOpened(emptyProgress(t(0)), 'one', t(1)), 'one', 'q1', t(2));
    const b = recordChallenge(recordQuestion(recordOpened(emptyProgress(t(0)), 'one', t(0)), 'one', 'q2', t(3)), 'one', 'c1', t(4));
    const merged = mergeProgress(a, recordOpened(b, 'two', t(5)));
    expect(merged.lessons.one).toEqual({ openedAt: t(0).toISOString(), visitedAt: t(1).toISOString(), questions: ['q1', 'q2'], challenges: ['c1'], revealed: [] });
    const shown = mergeProgress(recordRevealed(a, 'one', 'q3', t(6)), b);
    expect(shown.lessons.one?.revealed).toEqual(['q3']);
    expect(Object.keys(merged.lessons)).toEqual(['one', 'two']);
    expect(merged.lastLesson).toBe('two');
  });
});

describe('parseProgress', () => {
  const good = JSON.stringify(recordOpened(emptyProgress(t(0)), 'chat-completions', t(1)));

  it('reads what it wrote', () => {
    expect(parseProgress(good)).toMatchObject({ ok: true, progress: { lastLesson: 'chat-completions' } });
  });

  it.each([
    ['garbled text', '{"version":1,"less', /not valid JSON/],
    ['another version', JSON.stringify({ ...JSON.parse(good), version: 2 }), /version 1 \(found version 2\)/],
    ['no version', '[]', /found version null/],
    ['a wrong shape', JSON.stringify({ ...JSON.parse(good), lessons: { 'chat-completions': { questions: 'q1' } } }), /shape/],
    ['an unknown field', JSON.stringify({ ...JSON.parse(good), admin: true }), /shape/],
    ['a bad slug', JSON.stringify({ ...JSON.parse(good), lastLesson: '../../etc' }), /shape/],
    ['a bad date', JSON.stringify({ ...JSON.parse(good), updatedAt: 'yesterday' }), /shape/],
  ])('refuses %s, saying why', (_, raw, reason) => {
    const result = parseProgress(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
