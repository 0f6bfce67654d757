import { PRICE_SOURCE, pricesFor } from './prices';

/**
 * The models Tokenwise knows, as data: limits and the parameters each refuses. Prices (US dollars per 1M tokens)
 * come from `@pydantic/genai-prices` through `prices.ts`, never typed here; lessons and the cost display read them
 * from here, never from prose.
 */
export interface ModelInfo {
  id: string;
  /** Tokens of input and output together that one request may use. */
  contextWindow: number;
  /** The model's own ceiling on generated tokens; a higher cap is a 400. */
  maxOutputTokens: number;
  /** o-series and gpt-5 models reject the deprecated `max_tokens` with 400 `unsupported_parameter`. */
  acceptsMaxTokens: boolean;
  /** Reasoning models (o-series, gpt-5 family) spend hidden reasoning tokens inside the output cap. */
  reasoning: boolean;
  /**
   * Sampling parameters the model refuses, each answered as OpenAI answers it (FACTS-COURSE P13 to P18, reported
   * errors): `temperature` other than 1 (400 `unsupported_value`), `stop`, `presence_penalty` and
   * `frequency_penalty` (400 `unsupported_parameter`), `logprobs: true` (403).
   */
  rejects: readonly RejectedParameter[];
  prices: { input: number; cachedInput: number; output: number };
}

export type RejectedParameter =
  'temperature' | 'stop' | 'presence_penalty' | 'frequency_penalty' | 'logprobs';

/** What the o-series and gpt-5 family refuse on Chat Completions (FACTS-COURSE P13, P16 to P18). */
const REASONING_REJECTS: readonly RejectedParameter[] = [
  'temperature',
  'stop',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
];

/** The date of the price data (see `prices.ts`): when the installed `@pydantic/genai-prices` was published. */
export const PRICES_CHECKED_ON = PRICE_SOURCE.published;

/** Every catalog model must have a price in the data; a missing one stops the build here, not a bill later. */
function priced(id: string): ModelInfo['prices'] {
  const prices = pricesFor(id);
  if (!prices)
    throw new Error(`${PRICE_SOURCE.name} ${PRICE_SOURCE.version} has no price for catalog model ${id}`);
  return { input: prices.input, cachedInput: prices.cachedInput, output: prices.output };
}

export const MODELS: readonly ModelInfo[] = [
  {
    id: 'gpt-4o',
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    acceptsMaxTokens: true,
    reasoning: false,
    rejects: [],
    prices: priced('gpt-4o'),
  },
  {
    id: 'gpt-4o-mini',
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    acceptsMaxTokens: true,
    reasoning: false,
    rejects: [],
    prices: priced('gpt-4o-mini'),
  },
  {
    id: 'gpt-4.1',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    acceptsMaxTokens: true,
    reasoning: false,
    rejects: [],
    prices: priced('gpt-4.1'),
  },
  {
    id: 'gpt-4.1-mini',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    acceptsMaxTokens: true,
    reasoning: false,
    rejects: [],
    prices: priced('gpt-4.1-mini'),
  },
  {
    id: 'gpt-5',
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    acceptsMaxTokens: false,
    reasoning: true,
    rejects: REASONING_REJECTS,
    prices: priced('gpt-5'),
  },
  {
    id: 'gpt-5-mini',
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    acceptsMaxTokens: false,
    reasoning: true,
    rejects: REASONING_REJECTS,
    prices: priced('gpt-5-mini'),
  },
];

export function findModel(id: string): ModelInfo | undefined {
  return MODELS.find((m) => m.id === id);
}
