import OpenAI from 'openai';
import { createSandboxFetch } from './fetch';
import { lessonRecordings, type Recordings } from './recordings';
import type { ResponsesStore } from './responses/store';

export { SANDBOX_FINGERPRINT } from './complete';
export { DRILL_HEADER, DRILLS, type Drill } from './drills';
export { REFUSAL_TRIGGER, MAX_PARALLEL_CALLS } from './reply';
export { CACHE_MIN_TOKENS, CACHE_INCREMENT, CALLER_HEADER } from './prompt-cache';
export { loadRecordings, sandboxRecordingSchema, type Recordings } from './recordings';
export { memoryResponsesStore, StoreUnavailableError, type ResponsesStore, type StoredResponse } from './responses/store';
export { DEFAULT_RETENTION_HOURS } from './responses/routes';

/** Where the sandbox client points; nothing listens there, the custom fetch answers in-process. */
export const SANDBOX_BASE_URL = 'http://sandbox.tokenwise.invalid/v1';

export interface SandboxClientOptions {
  /** @default the recordings of the app's own lessons */
  recordings?: Recordings;
  /** @default 0 */
  chunkDelayMs?: number;
  /** The server's `MAX_OUTPUT_TOKENS`, applied to every answer. @default 4,096 */
  maxOutputTokens?: number;
  /** Where stored responses live, and for how long. @default in memory, 72 hours */
  responses?: { store: ResponsesStore; retentionHours?: number };
}

/**
 * The sandbox model behind the `openai` SDK: a real client whose `fetch` answers in-process. The SDK refuses to
 * build a client without a key, so it gets a placeholder that never leaves the process.
 */
export function createSandboxClient(options: SandboxClientOptions = {}): OpenAI {
  return new OpenAI({
    apiKey: 'sandbox-placeholder-key',
    baseURL: SANDBOX_BASE_URL,
    maxRetries: 0,
    logLevel: 'off',
    fetch: createSandboxFetch({
      recordings: options.recordings ?? lessonRecordings(),
      chunkDelayMs: options.chunkDelayMs ?? 0,
      ...(options.maxOutputTokens ? { maxOutputTokens: options.maxOutputTokens } : {}),
      ...(options.responses ? { responses: options.responses } : {}),
    }),
  });
}
