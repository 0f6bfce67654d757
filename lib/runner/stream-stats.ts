import type { Exchange } from './protocol';

/**
 * Timing of one streamed exchange, from the arrival time the runner recorded for each `data:` event: when the
 * headers came, when the first chunk and the first token came, how many chunks, and marks to draw on a timeline.
 */

export type ChunkKind = 'role' | 'content' | 'finish' | 'usage' | 'other';

export interface ChunkMark {
  atMs: number;
  kind: ChunkKind;
  /** Chunks this mark stands for (marks are merged when there are too many to draw). */
  count: number;
}

export interface StreamStats {
  exchangeId: string;
  chunkCount: number;
  /** Chunks that carried text, a refusal or tool-call arguments. */
  contentChunks: number;
  headersAtMs: number | null;
  firstChunkMs: number | null;
  /** Time to first token: the first chunk with content. */
  firstTokenMs: number | null;
  /** Until the body ended (or broke off). */
  totalMs: number;
  /** Longest wait between two chunks. */
  longestGapMs: number | null;
  marks: ChunkMark[];
  /** The stream ended without `data: [DONE]` or broke off. */
  error: string | null;
}

/** At most this many marks are drawn; more are merged into their neighbours. */
export const MAX_MARKS = 240;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function chunkKind(chunk: unknown): ChunkKind {
  if (!isObject(chunk)) return 'other';
  const choices = Array.isArray(chunk.choices) ? chunk.choices.filter(isObject) : [];
  let kind: ChunkKind | null = null;
  for (const choice of choices) {
    const delta = isObject(choice.delta) ? choice.delta : {};
    const hasText =
      (typeof delta.content === 'string' && delta.content !== '') ||
      (typeof delta.refusal === 'string' && delta.refusal !== '') ||
      (Array.isArray(delta.tool_calls) && delta.tool_calls.length > 0);
    if (hasText) return 'content';
    if (choice.finish_reason != null) kind = 'finish';
    else if (typeof delta.role === 'string') kind ??= 'role';
  }
  if (kind) return kind;
  if (isObject(chunk.usage)) return 'usage';
  return 'other';
}

export function streamStats(exchange: Exchange): StreamStats | null {
  const chunks = exchange.chunks;
  if (!chunks) return null;
  const times =
    exchange.chunkTimes && exchange.chunkTimes.length === chunks.length ? exchange.chunkTimes : null;
  const kinds = chunks.map(chunkKind);
  const firstContent = kinds.indexOf('content');
  let longestGapMs: number | null = null;
  if (times)
    for (let i = 1; i < times.length; i++)
      longestGapMs = Math.max(longestGapMs ?? 0, times[i]! - times[i - 1]!);
  return {
    exchangeId: exchange.id,
    chunkCount: chunks.length,
    contentChunks: kinds.filter((k) => k === 'content').length,
    headersAtMs: exchange.headersAtMs ?? null,
    firstChunkMs: times && times.length ? times[0]! : null,
    firstTokenMs: times && firstContent !== -1 ? times[firstContent]! : null,
    totalMs: exchange.durationMs,
    longestGapMs,
    marks: times ? mergeMarks(times, kinds, Math.max(exchange.durationMs, times[times.length - 1] ?? 0)) : [],
    error: exchange.error ?? null,
  };
}

/**
 * One mark per chunk, or, past MAX_MARKS, one per slice of the timeline holding the chunks that arrived in it
 * (a content chunk wins the slice's colour, since text arriving is what the timeline is about).
 */
export function mergeMarks(
  times: readonly number[],
  kinds: readonly ChunkKind[],
  spanMs: number,
): ChunkMark[] {
  if (times.length <= MAX_MARKS) return times.map((atMs, i) => ({ atMs, kind: kinds[i]!, count: 1 }));
  const slice = Math.max(1, spanMs) / MAX_MARKS;
  const marks = new Map<number, ChunkMark>();
  times.forEach((atMs, i) => {
    const slot = Math.min(MAX_MARKS - 1, Math.floor(atMs / slice));
    const mark = marks.get(slot);
    const kind = kinds[i]!;
    if (!mark) marks.set(slot, { atMs, kind, count: 1 });
    else {
      mark.count++;
      if (kind === 'content') mark.kind = 'content';
    }
  });
  return [...marks.values()].sort((a, b) => a.atMs - b.atMs);
}
