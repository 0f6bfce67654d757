import data from './openai-prices.json';

/**
 * OpenAI prices from `@pydantic/genai-prices` (its bundled data, extracted by `scripts/prices/extract.mjs`), in US
 * dollars per 1M tokens. Browser-safe and small: the run's cost shows for any OpenAI model, not only the catalog's.
 */
export interface Prices {
  input: number;
  /** Cached input; the input price when the data has no cached rate. */
  cachedInput: number;
  output: number;
  /** Prompts longer than this many tokens are billed at higher rates, which `costOf` does not apply. */
  higherAbove?: number;
}

type Match =
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: string }
  | { or: Match[] }
  | { and: Match[] };

interface Entry {
  id: string;
  match: Match;
  input: number;
  output: number;
  cachedInput?: number;
  higherAbove?: number;
}

/** Where the prices come from, to show beside them. */
export const PRICE_SOURCE = {
  name: data.source,
  version: data.version,
  /** When that version, and so its data, was published. */
  published: data.published,
  url: data.pricingUrl,
} as const;

const entries = data.models as Entry[];

function matches(rule: Match, id: string): boolean {
  if ('equals' in rule) return id === rule.equals;
  if ('starts_with' in rule) return id.startsWith(rule.starts_with);
  if ('ends_with' in rule) return id.endsWith(rule.ends_with);
  if ('contains' in rule) return id.includes(rule.contains);
  if ('regex' in rule) return new RegExp(rule.regex).test(id);
  if ('or' in rule) return rule.or.some((r) => matches(r, id));
  return rule.and.every((r) => matches(r, id));
}

const cache = new Map<string, Prices | undefined>();

/** The prices of a model id as the API reports it (`gpt-4o-2024-08-06` too); undefined when the data has none. */
export function pricesFor(modelId: string): Prices | undefined {
  if (modelId.length > 200) return undefined;
  if (!cache.has(modelId)) {
    const entry = entries.find((e) => e.id === modelId) ?? entries.find((e) => matches(e.match, modelId));
    cache.set(
      modelId,
      entry && {
        input: entry.input,
        cachedInput: entry.cachedInput ?? entry.input,
        output: entry.output,
        ...(entry.higherAbove ? { higherAbove: entry.higherAbove } : {}),
      },
    );
  }
  return cache.get(modelId);
}
