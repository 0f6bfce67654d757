import type { ModelInfo } from './catalog';

export interface TokenCounts {
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens served from the prompt cache, billed at the cached-input price. */
  cachedTokens?: number;
}

/** Dollar cost of one request at the model's dated prices. */
export function costOf(model: Pick<ModelInfo, 'prices'>, tokens: TokenCounts): number {
  const cached = Math.min(tokens.cachedTokens ?? 0, tokens.promptTokens);
  const fresh = tokens.promptTokens - cached;
  const perToken = (pricePerMillion: number) => pricePerMillion / 1_000_000;
  return (
    fresh * perToken(model.prices.input) +
    cached * perToken(model.prices.cachedInput) +
    tokens.completionTokens * perToken(model.prices.output)
  );
}

/**
 * A price per 1M tokens at the precision it has, never rounded: $0.125 stays $0.125 (not $0.13), $2.5 shows as
 * $2.50. Prices are quoted to a few decimals, so this never grows long.
 */
export function formatPrice(pricePerMillion: number): string {
  const decimals = (String(pricePerMillion).split('.')[1] ?? '').length;
  return `$${pricePerMillion.toFixed(Math.min(Math.max(decimals, 2), 6))}`;
}

/** Formats a dollar amount with enough digits that small costs do not round to zero. */
export function formatUsd(amount: number): string {
  if (amount === 0) return '$0';
  if (amount >= 0.01) return `$${amount.toFixed(2)}`;
  return `$${Number(amount.toPrecision(2)).toString()}`;
}
