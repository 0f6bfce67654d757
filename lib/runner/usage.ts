import { findModel, MODELS, PRICES_CHECKED_ON, type ModelInfo } from '@/lib/models/catalog';
import { costOf } from '@/lib/models/cost';
import { PRICE_SOURCE, pricesFor } from '@/lib/models/prices';
import { assembleStream } from './assemble';
import type { Exchange } from './protocol';

/** What a run's chat completions used and cost, at the model catalog's dated prices. */
export interface UsageRow {
  exchangeId: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  cachedTokens: number;
  /** `null` when neither the catalog nor the price data knows the model, so its price is unknown. */
  cost: number | null;
}

export interface UsageSummary {
  rows: UsageRow[];
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Sum of the priced rows. */
  cost: number;
  /** Some rows had no known price. */
  unpriced: boolean;
  pricesCheckedOn: string;
  /** The package the prices come from, with its version. */
  priceSource: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** A Responses stream's final Response: the one its `response.completed` (or `.incomplete`, `.failed`) event carries. */
function finalResponse(chunks: readonly unknown[]): Json | null {
  for (let i = chunks.length - 1; i >= 0; i--) {
    const event = chunks[i];
    if (
      isObject(event) &&
      /^response\.(completed|incomplete|failed)$/.test(String(event.type)) &&
      isObject(event.response)
    ) {
      return event.response;
    }
  }
  return null;
}

/**
 * What an exchange received: a chat completion or a Response (`object: "response"`), from the JSON body or put
 * back together from its stream.
 */
export function completionOf(exchange: Exchange): Json | null {
  if (exchange.chunks) return assembleStream(exchange.chunks) ?? finalResponse(exchange.chunks);
  const body = exchange.response;
  if (isObject(body) && (body.object === 'chat.completion' || body.object === 'response')) return body;
  return null;
}

/** The catalog entry for a model id as the API reports it, dated snapshots included (`gpt-4o-mini-2024-07-18`). */
export function modelFor(id: string): ModelInfo | undefined {
  return (
    findModel(id) ??
    [...MODELS]
      .sort((a, b) => b.id.length - a.id.length)
      .find((m) => id.startsWith(`${m.id}-`) && /^\d{4}-\d{2}-\d{2}$/.test(id.slice(m.id.length + 1)))
  );
}

export function usageRow(exchange: Exchange): UsageRow | null {
  const completion = completionOf(exchange);
  if (!completion || !isObject(completion.usage)) return null;
  const usage = completion.usage;
  const requested =
    isObject(exchange.request) && typeof exchange.request.model === 'string' ? exchange.request.model : '';
  const model = typeof completion.model === 'string' ? completion.model : requested;
  // The catalog first; any other OpenAI model the price data knows (a learner's own key can use any).
  const prices = (modelFor(model) ?? modelFor(requested))?.prices ?? pricesFor(model) ?? pricesFor(requested);
  // Chat Completions counts prompt and completion tokens; the Responses API calls them input and output tokens.
  const promptTokens = num(usage.prompt_tokens ?? usage.input_tokens);
  const completionTokens = num(usage.completion_tokens ?? usage.output_tokens);
  const details = usage.prompt_tokens_details ?? usage.input_tokens_details;
  const cachedTokens = isObject(details) ? num(details.cached_tokens) : 0;
  return {
    exchangeId: exchange.id,
    model,
    promptTokens,
    completionTokens,
    totalTokens: num(usage.total_tokens) || promptTokens + completionTokens,
    cachedTokens,
    cost: prices ? costOf({ prices }, { promptTokens, completionTokens, cachedTokens }) : null,
  };
}

export function summarizeUsage(exchanges: readonly Exchange[]): UsageSummary {
  const rows = exchanges.map(usageRow).filter((r): r is UsageRow => r !== null);
  return {
    rows,
    promptTokens: rows.reduce((s, r) => s + r.promptTokens, 0),
    completionTokens: rows.reduce((s, r) => s + r.completionTokens, 0),
    totalTokens: rows.reduce((s, r) => s + r.totalTokens, 0),
    cost: rows.reduce((s, r) => s + (r.cost ?? 0), 0),
    unpriced: rows.some((r) => r.cost === null),
    pricesCheckedOn: PRICES_CHECKED_ON,
    priceSource: `${PRICE_SOURCE.name} ${PRICE_SOURCE.version}`,
  };
}
