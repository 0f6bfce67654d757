import type { RunVia } from '@/lib/runner/error-hints';
import type {
  ConsoleLevel,
  Exchange,
  Outcome,
  RunnerDrill,
  RunnerMessage,
  SerializedError,
} from '@/lib/runner/protocol';

/** One run as the output panel shows it. Pure reducer, so it can be tested without a browser. */
export interface ConsoleEntry {
  level: ConsoleLevel;
  text: string;
}

export type RunPhase = 'idle' | 'preparing' | 'running' | 'done';

export interface RunState {
  phase: RunPhase;
  runId: string | null;
  console: ConsoleEntry[];
  errors: SerializedError[];
  exchanges: Exchange[];
  outcome: Outcome | null;
  durationMs: number | null;
  truncated: boolean;
  /** Said by the runner itself, not the program: drills, a time limit hit, a runner that failed to start. */
  notes: string[];
  /** The error drill this run carries. */
  drill: RunnerDrill | null;
  /**
   * Where the run's calls go, known once its credentials are (before the program starts): an error's hints depend
   * on it, and are fixed from the moment the error shows, so it is announced once.
   */
  via: RunVia | null;
}

export const initialRunState: RunState = {
  phase: 'idle',
  runId: null,
  console: [],
  errors: [],
  exchanges: [],
  outcome: null,
  durationMs: null,
  truncated: false,
  notes: [],
  drill: null,
  via: null,
};

export type RunAction =
  | { type: 'prepare'; runId: string; notes?: string[]; drill?: RunnerDrill | null }
  | { type: 'via'; runId: string; via: RunVia }
  | { type: 'started'; runId: string }
  | { type: 'messages'; messages: RunnerMessage[] }
  | { type: 'failed-to-start'; runId: string; error: SerializedError }
  | { type: 'abandoned'; runId: string; note: string };

/** Console output of one level is joined into one entry, so a long stream stays a handful of DOM nodes. */
function appendConsole(entries: ConsoleEntry[], level: ConsoleLevel, text: string): ConsoleEntry[] {
  const last = entries[entries.length - 1];
  if (last && last.level === level) return [...entries.slice(0, -1), { level, text: last.text + text }];
  return [...entries, { level, text }];
}

function apply(state: RunState, message: RunnerMessage): RunState {
  if (message.type === 'ready' || message.runId !== state.runId || state.phase === 'done') return state;
  switch (message.type) {
    case 'console':
      return { ...state, console: appendConsole(state.console, message.level, message.text) };
    case 'exchange':
      return { ...state, exchanges: [...state.exchanges, message.exchange] };
    case 'error':
      return { ...state, errors: [...state.errors, message.error] };
    case 'done': {
      const notes = [...state.notes];
      if (message.outcome === 'timed-out') notes.push('The run went over its time limit and was stopped.');
      if (message.outcome === 'stopped') notes.push('Stopped.');
      if (message.truncated)
        notes.push('The program printed more than the output panel keeps; the rest was dropped.');
      return {
        ...state,
        phase: 'done',
        outcome: message.outcome,
        durationMs: message.durationMs,
        truncated: message.truncated,
        notes,
      };
    }
  }
}

export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case 'prepare':
      return {
        ...initialRunState,
        phase: 'preparing',
        runId: action.runId,
        notes: action.notes ?? [],
        drill: action.drill ?? null,
      };
    case 'via':
      return action.runId === state.runId ? { ...state, via: action.via } : state;
    case 'started':
      return action.runId === state.runId ? { ...state, phase: 'running' } : state;
    case 'messages':
      return action.messages.reduce(apply, state);
    case 'failed-to-start':
      if (action.runId !== state.runId) return state;
      return { ...state, phase: 'done', outcome: 'failed', errors: [...state.errors, action.error] };
    case 'abandoned':
      if (action.runId !== state.runId || state.phase === 'done') return state;
      return { ...state, phase: 'done', outcome: 'timed-out', notes: [...state.notes, action.note] };
  }
}
