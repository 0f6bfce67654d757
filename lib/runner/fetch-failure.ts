import type { RunnerDrill } from './drills';

export interface FetchFailure {
  /** The request's signal had fired: the client gave up, the server did not fail. */
  aborted: boolean;
  /** Milliseconds from sending to the failure. */
  ms: number;
  /** The response's status line and headers had arrived; only its body was cut short. */
  afterHeaders?: boolean;
  drill: RunnerDrill | null;
}

/**
 * Why a request ended without a (whole) response, in words for the inspector and the retries timeline. An abort is
 * the client's doing, and the browser's own "AbortError: signal is aborted without reason" says nothing useful: the
 * SDK aborts an attempt when its `timeout` passes (`fetchWithTimeout` in node_modules/openai/src/client.ts sets a
 * timer that calls `controller.abort()`, and `parseResponseWithTimeout` does the same for a body still arriving),
 * then raises `APIConnectionTimeoutError`; a program can also abort with its own `signal` (`APIUserAbortError`).
 */
export function failureText(
  error: unknown,
  { aborted, ms, afterHeaders = false, drill }: FetchFailure,
): string {
  if (aborted) {
    const what = afterHeaders ? 'The body never finished' : 'No response';
    return drill === 'timeout'
      ? `${what} within the SDK's timeout: the SDK aborted this attempt after ${ms} ms.`
      : `${what}: the request was aborted after ${ms} ms (the SDK does this when its timeout passes; a program can with a signal).`;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
