/**
 * How a run of the learner's program ended. Its own module, without zod: the quiz's challenge list reads it on the
 * lesson page, and the runner's protocol schemas (zod's small build) should load with the editor, not before.
 */
export const OUTCOMES = ['completed', 'failed', 'stopped', 'timed-out'] as const;
export type Outcome = (typeof OUTCOMES)[number];
