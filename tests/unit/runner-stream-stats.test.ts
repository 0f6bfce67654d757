import { describe, expect, it } from 'vitest';
import type { Exchange } from '@/lib/runner/protocol';
import { chunkKind, MAX_MARKS, mergeMarks, streamStats, type ChunkKind } from '@/lib/runner/stream-stats';

const chunk = (delta: object, finish: string | null = null, usage: object | null = null) => ({
  object: 'chat.completion.chunk',
  choices: usage ? [] : [{ index: 0, delta, finish_reason: finish }],
  usage,
});

const streamed = (chunks: unknown[], chunkTimes?: number[], extra: Partial<Exchange> = {}): Exchange => ({
  id: 'x1',
  method: 'POST',
  path: '/api/v1/chat/completions',
  startedAt: 0,
  durationMs: 400,
  request: { stream: true },
  status: 200,
  headers: {},
  headersAtMs: 40,
  chunks,
  chunkTimes,
  ...extra,
});

describe('chunkKind', () => {
  it('tells the role, content, finish and usage chunks apart', () => {
    expect(chunkKind(chunk({ role: 'assistant', content: '' }))).toBe('role');
    expect(chunkKind(chunk({ content: 'Hi' }))).toBe('content');
    expect(chunkKind(chunk({ tool_calls: [{ index: 0 }] }))).toBe('content');
    expect(chunkKind(chunk({}, 'stop'))).toBe('finish');
    expect(chunkKind(chunk({}, null, { total_tokens: 3 }))).toBe('usage');
    expect(chunkKind('not json')).toBe('other');
  });
});

describe('streamStats', () => {
  it('measures time to first token, chunk count, gaps and total time', () => {
    const stats = streamStats(
      streamed(
        [
          chunk({ role: 'assistant', content: '' }),
          chunk({ content: 'Hel' }),
          chunk({ content: 'lo' }),
          chunk({}, 'stop'),
          chunk({}, null, { total_tokens: 3 }),
        ],
        [50, 120, 130, 300, 310],
      ),
    )!;
    expect(stats).toMatchObject({
      chunkCount: 5,
      contentChunks: 2,
      headersAtMs: 40,
      firstChunkMs: 50,
      firstTokenMs: 120,
      totalMs: 400,
      longestGapMs: 170,
      error: null,
    });
    expect(stats.marks.map((m) => m.kind)).toEqual(['role', 'content', 'content', 'finish', 'usage']);
  });

  it('has no times for a record without arrival times, and nothing for a JSON answer', () => {
    const stats = streamStats(streamed([chunk({ content: 'a' })]))!;
    expect(stats.firstTokenMs).toBeNull();
    expect(stats.marks).toEqual([]);
    expect(streamStats({ ...streamed([]), chunks: undefined })).toBeNull();
  });

  it('merges marks past the cap, keeping every chunk counted', () => {
    const times = Array.from({ length: 5_000 }, (_, i) => i);
    const kinds = times.map((i): ChunkKind => (i % 2 ? 'content' : 'other'));
    const marks = mergeMarks(times, kinds, 5_000);
    expect(marks.length).toBeLessThanOrEqual(MAX_MARKS);
    expect(marks.reduce((s, m) => s + m.count, 0)).toBe(5_000);
    expect(marks.every((m) => m.kind === 'content')).toBe(true);
  });
});
