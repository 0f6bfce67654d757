import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/errors';
import { createPerClientLimiter } from '@/lib/limits/per-client';

describe('the quiz check limiter', () => {
  it('lets a client check its quota a minute, then refuses with 429 and retry-after, per client', async () => {
    // The quiz's own limiter (lib/quiz/service.ts) is this one, named 'quiz-check'.
    const limiter = createPerClientLimiter('quiz-check', 5, 'checks');
    for (let i = 0; i < 5; i++) await limiter.admit('203.0.113.1');
    const refused = await limiter.admit('203.0.113.1').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
    expect(Number((refused as ApiError).headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await expect(limiter.admit('203.0.113.2')).resolves.toBeUndefined();
  });
});
