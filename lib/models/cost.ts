import type { ModelInfo } from './catalog';

export interface TokenCounts {
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens served from the prompt cache, billed at the cached-input price. */
  cachedTokens?: number;
}

/** Dollar cost of one request at the model's dated prices. */
export function costOf(model: ModelInfo, tokens: TokenCounts): number {
  const cached = Math.min(tokens.cachedTokens ?? 0, tokens.promptTokens);
  const fresh = tokens.promptTokens - cached;
  const perToken = (pricePerMillion: number) => pricePerMillion / 1_000_000;
  return (
    fresh * perToken(model.prices.input) +
    cached * perToken(model.prices.cachedInput) +
    tokens.completionTokens * perToken(model.prices.output)
  );
}

/** Formats a dollar amount with enough digits that small costs do not round to zero. */
export function formatUsd(amount: number): string {
  if (amount === 0) return '$0';
  if (amount >= 0.01) return `$${amount.toFixed(2)}`;
  return `$${Number(amount.toPrecision(2)).toString()}`;
}
