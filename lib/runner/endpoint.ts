import type { Exchange } from './protocol';
import type { Endpoint } from '@/lib/quiz/exchange';

/**
 * Which model call an exchange of a run was: `POST /chat/completions` or `POST /responses`; null for anything else
 * (a model list, a stored response fetched or deleted). The one place that reads it from the path.
 */
export function endpointOf(exchange: Pick<Exchange, 'path' | 'method'>): Endpoint | null {
  const path = exchange.path.split('?')[0]!;
  if (path.endsWith('/chat/completions')) return 'chat.completions';
  if (path.endsWith('/responses') && exchange.method === 'POST') return 'responses';
  return null;
}

/** A chat completion call: the views that read `choices` (compare, tokens) take these. */
export const isChatCompletion = (exchange: Pick<Exchange, 'path' | 'method'>) =>
  endpointOf(exchange) === 'chat.completions';
