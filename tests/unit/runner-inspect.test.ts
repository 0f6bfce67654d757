import { describe, expect, it } from 'vitest';
import { formatArgs, inspect } from '@/lib/runner/inspect';

describe('formatArgs, like Node console.log', () => {
  it('prints top-level strings raw and nested ones quoted', () => {
    expect(formatArgs(['finish_reason:', 'stop'])).toBe('finish_reason: stop');
    expect(formatArgs([{ role: 'assistant', content: "it's" }])).toBe(
      `{ role: 'assistant', content: "it's" }`,
    );
  });

  it('prints null, undefined, numbers, bigints and arrays', () => {
    expect(formatArgs([null, undefined, 1.5, 10n, [1, 'a']])).toBe("null undefined 1.5 10n [ 1, 'a' ]");
  });

  it('breaks long objects over lines, two spaces deep', () => {
    const usage = {
      prompt_tokens: 29,
      completion_tokens: 41,
      total_tokens: 70,
      prompt_tokens_details: { cached_tokens: 0 },
    };
    expect(inspect(usage)).toBe(
      [
        '{',
        '  prompt_tokens: 29,',
        '  completion_tokens: 41,',
        '  total_tokens: 70,',
        '  prompt_tokens_details: { cached_tokens: 0 }',
        '}',
      ].join('\n'),
    );
  });

  it('stops at depth 2 and marks cycles', () => {
    const deep = { a: { b: { c: { d: 1 } } } };
    expect(inspect(deep)).toBe('{ a: { b: { c: [Object] } } }');
    const cycle: Record<string, unknown> = { name: 'x' };
    cycle.self = cycle;
    expect(inspect(cycle)).toBe("{ name: 'x', self: [Circular] }");
  });

  it('applies format specifiers', () => {
    expect(formatArgs(['%s used %d tokens (%i%%)', 'gpt-4o-mini', 70, 12.7])).toBe(
      'gpt-4o-mini used 70 tokens (12%)',
    );
    expect(formatArgs(['%j', { a: 1 }, 'extra'])).toBe('{"a":1} extra');
  });

  it('names class instances, maps, sets and errors', () => {
    class Point {
      x = 1;
    }
    expect(inspect(new Point())).toBe('Point { x: 1 }');
    expect(inspect(new Map([['a', 1]]))).toBe("Map(1) { 'a' => 1 }");
    expect(inspect(new Set([1]))).toBe('Set(1) { 1 }');
    const error = new TypeError('boom');
    error.stack = undefined;
    expect(inspect(error)).toBe('TypeError: boom');
    expect(inspect('quoted')).toBe("'quoted'");
    expect(inspect(function named() {})).toBe('[Function: named]');
  });
});
