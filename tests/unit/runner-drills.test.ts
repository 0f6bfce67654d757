import { describe, expect, it } from 'vitest';
import { DRILLS, drillForCall, FLAKY_FAILURES, RUNNER_DRILLS } from '@/lib/runner/drills';
import { pageMessageSchema } from '@/lib/runner/protocol';

describe('drills', () => {
  it('flaky fails the first calls of a run with 429, then lets them through', () => {
    const headers = Array.from({ length: FLAKY_FAILURES + 2 }, (_, i) => drillForCall('flaky', i + 1));
    expect(headers).toEqual([...Array(FLAKY_FAILURES).fill('429'), null, null]);
  });

  it('every other drill applies to every call, and none to none', () => {
    for (const drill of DRILLS) expect([1, 2, 9].map((n) => drillForCall(drill, n))).toEqual([drill, drill, drill]);
    expect(drillForCall(null, 1)).toBeNull();
  });

  it('the page may ask the runner for any runner drill, and nothing else', () => {
    const run = (drill: unknown) => pageMessageSchema.safeParse({ type: 'run', runId: 'r', code: '', env: {}, drill, timeLimitMs: 1000 }).success;
    for (const drill of RUNNER_DRILLS) expect(run(drill)).toBe(true);
    expect(run('flakey')).toBe(false);
  });
});
