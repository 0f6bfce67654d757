import { describe, expect, it } from 'vitest';
import { expandPlaceholders } from '@/lib/lessons/placeholders';
import { MODELS } from '@/lib/models/catalog';
import { formatPrice } from '@/lib/models/cost';

describe('prices per 1M tokens', () => {
  it.each([
    [0.125, '$0.125'],
    [1.25, '$1.25'],
    [2.5, '$2.50'],
    [10, '$10.00'],
    [0.075, '$0.075'],
    [0.025, '$0.025'],
    [0.1, '$0.10'],
  ])('shows %s as %s, at the precision it has', (price, shown) => {
    expect(formatPrice(price)).toBe(shown);
  });

  it('the prices table shows every catalog price unrounded (gpt-5 cached input is $0.125, not $0.13)', () => {
    const table = expandPlaceholders('{{prices}}');
    expect(table).toContain('| `gpt-5` | $1.25 | $0.125 | $10.00 |');
    expect(table).not.toContain('$0.13 ');
    for (const model of MODELS) {
      for (const price of Object.values(model.prices)) expect(Number(formatPrice(price).slice(1))).toBe(price);
    }
  });
});
