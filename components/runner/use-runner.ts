'use client';

import { useCallback, useEffect, useReducer, useRef } from 'react';
import { DRILL_OPTIONS } from '@/lib/runner/drills';
import { RUN_TIME_LIMIT_MS } from '@/lib/runner/limits';
import type { RunnerDrill as Drill, RunnerMessage } from '@/lib/runner/protocol';
import { getCredentials } from './credentials';
import { dispatchRunEvent, toEventExchanges } from './run-event';
import { initialRunState, runReducer } from './run-state';
import { RunnerHost } from './runner-host';

/** If the frame itself stops answering, the page gives up this long after the limit and makes a new frame. */
const WATCHDOG_GRACE_MS = 3_000;

export interface RunOptions {
  /** The program, already compiled to JavaScript. */
  code: string;
  drill: Drill | null;
  /** Use the learner's own key if one is set. @default true */
  useOwnKey?: boolean;
}

/** Runs programs in the sandboxed frame and keeps the latest run's state. */
export function useRunner({ lessonSlug }: { lessonSlug: string | null }) {
  const [state, dispatch] = useReducer(runReducer, initialRunState);
  const host = useRef<RunnerHost | null>(null);
  const current = useRef<string | null>(null);
  const watchdog = useRef<number | undefined>(undefined);
  const queue = useRef<RunnerMessage[]>([]);
  const frame = useRef<number | undefined>(undefined);
  const exchanges = useRef<RunnerMessage[]>([]);
  // Stop pressed before the run reached the frame (still fetching a token or loading the frame).
  const stopRequested = useRef<string | null>(null);

  // Messages are applied once per animation frame: a program printing in a loop must not re-render per line.
  const flush = useCallback(() => {
    frame.current = undefined;
    const messages = queue.current;
    queue.current = [];
    if (messages.length) dispatch({ type: 'messages', messages });
  }, []);

  const onMessage = useCallback(
    (message: RunnerMessage) => {
      if (message.type === 'ready' || message.runId !== current.current) return;
      queue.current.push(message);
      if (message.type === 'exchange') exchanges.current.push(message);
      if (message.type === 'done') {
        window.clearTimeout(watchdog.current);
        flush();
        const recorded = exchanges.current.flatMap((m) => (m.type === 'exchange' ? [m.exchange] : []));
        dispatchRunEvent({
          lessonSlug,
          runId: message.runId,
          outcome: message.outcome,
          exchanges: toEventExchanges(recorded),
        });
        current.current = null;
      } else {
        frame.current ??= window.requestAnimationFrame(flush);
      }
    },
    [flush, lessonSlug],
  );

  const getHost = useCallback(() => {
    host.current ??= new RunnerHost(onMessage);
    return host.current;
  }, [onMessage]);

  useEffect(
    () => () => {
      host.current?.dispose();
      host.current = null;
      window.clearTimeout(watchdog.current);
    },
    [],
  );

  /** Loads the frame and the SDK ahead of the first run. */
  const warmUp = useCallback(
    () =>
      getHost()
        .connect()
        .catch(() => {}),
    [getHost],
  );

  const run = useCallback(
    async ({ code, drill, useOwnKey = true }: RunOptions) => {
      const runId = `run_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
      if (current.current) getHost().stop(current.current);
      current.current = runId;
      exchanges.current = [];
      queue.current = [];
      const notes = drill
        ? [`Error drill: ${DRILL_OPTIONS.find((d) => d.value === drill)?.expect ?? drill}.`]
        : [];
      dispatch({ type: 'prepare', runId, notes, drill });
      try {
        const credentials = await getCredentials({ ownKey: useOwnKey });
        const key = credentials.kind === 'own-key' ? credentials.token : credentials.session.token;
        // Before the program starts, so an error's hints never change once shown.
        dispatch({
          type: 'via',
          runId,
          via:
            credentials.kind === 'own-key'
              ? 'own-key'
              : credentials.session.backend === 'upstream'
                ? 'server-upstream'
                : 'sandbox',
        });
        await getHost().run({
          runId,
          code,
          env: { OPENAI_API_KEY: key },
          drill,
          timeLimitMs: RUN_TIME_LIMIT_MS,
        });
        if (current.current !== runId) return;
        if (stopRequested.current === runId) getHost().stop(runId);
        dispatch({ type: 'started', runId });
        window.clearTimeout(watchdog.current);
        watchdog.current = window.setTimeout(() => {
          if (current.current !== runId) return;
          host.current?.dispose();
          current.current = null;
          dispatch({ type: 'abandoned', runId, note: 'The runner stopped answering; it was restarted.' });
        }, RUN_TIME_LIMIT_MS + WATCHDOG_GRACE_MS);
      } catch (error) {
        if (current.current !== runId) return;
        current.current = null;
        dispatch({
          type: 'failed-to-start',
          runId,
          error: { name: 'RunnerError', message: error instanceof Error ? error.message : String(error) },
        });
      }
    },
    [getHost],
  );

  const stop = useCallback(() => {
    if (!current.current) return;
    stopRequested.current = current.current;
    getHost().stop(current.current);
  }, [getHost]);

  return { state, run, stop, warmUp };
}
