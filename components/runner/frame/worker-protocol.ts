import * as z from 'zod/mini';
import {
  CONSOLE_LEVELS,
  exchangeSchema,
  serializedErrorSchema,
  type ConsoleLevel,
  type RunnerDrill as Drill,
  type Exchange,
  type SerializedError,
} from '@/lib/runner/protocol';

/** Frame to worker. */
export type WorkerInbound =
  | { type: 'init'; sdk: string }
  | { type: 'run'; code: string; env: Record<string, string>; apiBase: string; drill: Drill | null };

/**
 * Worker to frame. The learner's code shares the worker and can post anything, so the frame parses these like
 * any other untrusted message (`workerMessageSchema`).
 */
export type WorkerOutbound =
  | { type: 'warm' }
  | { type: 'console'; level: ConsoleLevel; text: string }
  | { type: 'exchange'; exchange: Exchange }
  | { type: 'error'; error: SerializedError }
  | { type: 'truncated' }
  | { type: 'finished'; outcome: 'completed' | 'failed'; truncated: boolean };

export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('warm') }),
  z.object({ type: z.literal('console'), level: z.enum(CONSOLE_LEVELS), text: z.string() }),
  z.object({ type: z.literal('exchange'), exchange: exchangeSchema }),
  z.object({ type: z.literal('error'), error: serializedErrorSchema }),
  z.object({ type: z.literal('truncated') }),
  z.object({ type: z.literal('finished'), outcome: z.enum(['completed', 'failed']), truncated: z.boolean() }),
]);
