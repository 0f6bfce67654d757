/** Wall-clock limit of one run; the frame terminates the program's worker when it is reached. */
export const RUN_TIME_LIMIT_MS = 30_000;
export { DEFAULT_MAX_OUTPUT_CHARS } from './output-cap';
