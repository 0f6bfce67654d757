import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MODELS } from '@/lib/models/catalog';
import { PRICE_SOURCE, pricesFor } from '@/lib/models/prices';

describe('prices from @pydantic/genai-prices', () => {
  it('has a price for every catalog model, and the catalog uses it', () => {
    for (const model of MODELS) {
      const prices = pricesFor(model.id);
      expect(
        prices,
        `${model.id} has no price in ${PRICE_SOURCE.name} ${PRICE_SOURCE.version}`,
      ).toBeDefined();
      expect(model.prices).toEqual({
        input: prices!.input,
        cachedInput: prices!.cachedInput,
        output: prices!.output,
      });
    }
  });

  it('prices dated snapshots and models outside the catalog, and nothing for unknown ids', () => {
    expect(pricesFor('gpt-4o-2024-08-06')).toEqual(pricesFor('gpt-4o'));
    expect(pricesFor('o3')?.input).toBeGreaterThan(0);
    expect(pricesFor('gpt-4.1-nano')?.output).toBeGreaterThan(0);
    expect(pricesFor('not-a-model')).toBeUndefined();
    expect(pricesFor('x'.repeat(500))).toBeUndefined();
  });

  it('the extracted file matches the installed package (run scripts/prices/extract.mjs after an upgrade)', () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/prices/extract.mjs', '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('says where the prices come from and when that data was published', () => {
    expect(PRICE_SOURCE.name).toBe('@pydantic/genai-prices');
    expect(PRICE_SOURCE.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(PRICE_SOURCE.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
