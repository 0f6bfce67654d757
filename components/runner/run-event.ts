import { endpointOf } from '@/lib/runner/endpoint';
import type { Exchange, Outcome } from '@/lib/runner/protocol';

/**
 * After every run the page dispatches `tokenwise:run` on `window`, so other parts of the page (the quiz's
 * challenges) can see what the program sent and received. See README.md beside this file.
 */
export const RUN_EVENT = 'tokenwise:run';

export interface RunEventExchange {
  /** `chat.completions` or `responses` (a `POST /responses`). */
  endpoint: 'chat.completions' | 'responses';
  request: unknown;
  /** The JSON body (absent for streams). */
  response?: unknown;
  /** The parsed `data:` events of a stream. */
  chunks?: unknown[];
  /** HTTP status; `null` when no response arrived. */
  status: number | null;
  /** The allow-listed request headers the runner kept (the error drill, the SDK's retry count); drill challenges need them. */
  requestHeaders?: Record<string, string>;
}

export interface RunEventDetail {
  /** The lesson's slug, or `null` in the playground. */
  lessonSlug: string | null;
  runId: string;
  outcome: Outcome;
  /** Every chat completion and Responses call (`POST /responses`) of the run, in order. */
  exchanges: RunEventExchange[];
}

export function dispatchRunEvent(detail: RunEventDetail) {
  window.dispatchEvent(new CustomEvent<RunEventDetail>(RUN_EVENT, { detail }));
}

/** The run's model calls (chat completions and Responses), as the run event carries them. */
export function toEventExchanges(exchanges: readonly Exchange[]): RunEventExchange[] {
  const events: RunEventExchange[] = [];
  for (const e of exchanges) {
    const endpoint = endpointOf(e);
    if (!endpoint) continue;
    events.push({
      endpoint,
      request: e.request,
      status: e.status,
      ...(e.requestHeaders ? { requestHeaders: e.requestHeaders } : {}),
      ...(e.chunks ? { chunks: e.chunks } : { response: e.response }),
    });
  }
  return events;
}
