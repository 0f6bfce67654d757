/**
 * The models Tokenwise knows, as data. Prices are US dollars per 1M tokens and change over time, so they carry
 * the date they were checked; lessons and the cost display read them from here, never from prose.
 */
export interface ModelInfo {
  id: string;
  /** Tokens of input and output together that one request may use. */
  contextWindow: number;
  /** The model's own ceiling on generated tokens; a higher cap is a 400. */
  maxOutputTokens: number;
  /** o-series and gpt-5 models reject the deprecated `max_tokens` with 400 `unsupported_parameter`. */
  acceptsMaxTokens: boolean;
  /** Reasoning models spend hidden reasoning tokens inside the output cap and only accept temperature 1. */
  reasoning: boolean;
  prices: { input: number; cachedInput: number; output: number };
}

export const PRICES_CHECKED_ON = '2026-11-25';

export const MODELS: readonly ModelInfo[] = [
  {
    id: 'gpt-4o',
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    acceptsMaxTokens: true,
    reasoning: false,
    prices: { input: 2.5, cachedInput: 1.25, output: 10 },
  },
  {
    id: 'gpt-4o-mini',
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    acceptsMaxTokens: true,
    reasoning: false,
    prices: { input: 0.15, cachedInput: 0.075, output: 0.6 },
  },
  {
    id: 'gpt-4.1',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    acceptsMaxTokens: true,
    reasoning: false,
    prices: { input: 2, cachedInput: 0.5, output: 8 },
  },
  {
    id: 'gpt-4.1-mini',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    acceptsMaxTokens: true,
    reasoning: false,
    prices: { input: 0.4, cachedInput: 0.1, output: 1.6 },
  },
  {
    id: 'gpt-5',
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    acceptsMaxTokens: false,
    reasoning: true,
    prices: { input: 1.25, cachedInput: 0.125, output: 10 },
  },
  {
    id: 'gpt-5-mini',
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    acceptsMaxTokens: false,
    reasoning: true,
    prices: { input: 0.25, cachedInput: 0.025, output: 2 },
  },
];

export function findModel(id: string): ModelInfo | undefined {
  return MODELS.find((m) => m.id === id);
}
