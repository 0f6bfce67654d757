import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions/completions';
import { apiErrors } from '@/lib/errors';
import { findModel } from '@/lib/models/catalog';
import { textOf } from '@/lib/models/tokenizer';
import type { ProxyConfig } from './config';

/** This deployment's caps on one request, checked after the body parsed: allow-list, message count and size, n. */
export function checkRequestLimits(body: ChatCompletionCreateParams, limits: ProxyConfig['limits']): void {
  if (!limits.allowedModels.includes(body.model)) throw apiErrors.modelNotFound(body.model);
  if (body.messages.length > limits.maxMessages) {
    throw apiErrors.badRequest(
      `Invalid 'messages': array too long. Expected an array with maximum length ${limits.maxMessages}, but got an array with length ${body.messages.length} instead.`,
      'messages',
      'array_above_max_length',
    );
  }
  for (const [i, message] of body.messages.entries()) {
    const length = textOf(message.content).length;
    if (length > limits.maxMessageChars) {
      throw apiErrors.badRequest(
        `Invalid 'messages[${i}].content': string too long. Expected a string with maximum length ${limits.maxMessageChars}, but got a string with length ${length} instead.`,
        `messages[${i}].content`,
        'string_above_max_length',
      );
    }
  }
  if ((body.n ?? 1) > limits.maxN) {
    throw apiErrors.badRequest(
      `Invalid 'n': integer above maximum value. Expected a value <= ${limits.maxN}, but got ${body.n} instead.`,
      'n',
      'integer_above_max_value',
    );
  }
}

/**
 * For calls the server key pays for: a cap above this server's output limit is refused, and a request without
 * a cap gets this server's, so what a call can spend is always known before it is made.
 */
export function capServerPaidOutput(
  body: ChatCompletionCreateParams,
  maxOutputTokens: number,
): ChatCompletionCreateParams {
  const param = body.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens';
  const cap = body.max_completion_tokens ?? body.max_tokens;
  if (cap != null) {
    if (cap > maxOutputTokens) {
      throw apiErrors.badRequest(
        `${param} is too large for this server: ${cap}. Tokenwise caps requests paid by its own key at ${maxOutputTokens} completion tokens; use your own API key for more.`,
        param,
        'invalid_value',
      );
    }
    return body;
  }
  // Catalog models take the current parameter; for other servers' models the older one is understood more widely.
  return findModel(body.model)
    ? { ...body, max_completion_tokens: maxOutputTokens }
    : { ...body, max_tokens: maxOutputTokens };
}
