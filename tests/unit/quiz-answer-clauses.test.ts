import { describe, expect, it } from 'vitest';
import { answerClauses } from '@/lib/quiz/normalize';

describe('answerClauses', () => {
  it('keeps a decimal number as one word', () => {
    expect(answerClauses('set temperature to 1.5')).toEqual([['set', 'temperature', 'to', '1.5']]);
    expect(answerClauses('gpt-4.1 or gpt-4o')).toEqual([['gpt', '4.1', 'or', 'gpt', '4o']]);
  });

  it('joins a name to the value after its colon, and ends a clause at any other colon', () => {
    expect(answerClauses('temperature: 1')).toEqual([['temperature', '1']]);
    expect(answerClauses('finish_reason: "stop"', 'identifier')).toEqual([['finish_reason', 'stop']]);
    expect(answerClauses('not length: it is stop')).toEqual([['not', 'length'], ['it', 'is', 'stop']]);
  });

  it('still ends a sentence at a full stop', () => {
    expect(answerClauses('Use 1. Not 2.')).toEqual([['use', '1'], ['not', '2']]);
  });
});
