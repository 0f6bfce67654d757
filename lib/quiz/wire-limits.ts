/**
 * Limits the browser and the server both apply to the quiz API, in a module without zod: the quiz's client code
 * reads them, and zod would otherwise ship to every lesson page with them (see lib/progress/schema.ts).
 */

/** Exchanges of one run sent for a challenge check: the run's last ones. */
export const MAX_EXCHANGES = 8;

/** Longest free-text or numeric answer the server reads; rubrics cap lower per question. */
export const MAX_ANSWER_CHARS = 500;
