import type {
  ChatCompletionCreateParams,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions/completions';
import { apiErrors } from '@/lib/errors';
import { findModel } from '@/lib/models/catalog';
import { countPromptTokens, countTextTokens, textOf } from '@/lib/models/tokenizer';
import type { Backend } from './backend';
import type { ProxyConfig } from './config';

/**
 * This deployment's caps on one chat request, checked after the schema (which caps each field on its own) and
 * before anything is counted or sent: the model allow-list, the message count, the characters of each message
 * (content, name, refusal and tool calls together), n, and the characters of the whole request that would be
 * tokenized (messages, tool definitions, response schema).
 */

/** Characters one request may ask the proxy to tokenize, when the config does not say. ~32k tokens of English. */
export const DEFAULT_MAX_REQUEST_CHARS = 128_000;

/** The characters of one message that reach the tokenizer. */
export function messageChars(message: ChatCompletionMessageParam): number {
  let chars = textOf(message.content).length;
  if ('name' in message && message.name) chars += message.name.length;
  if (message.role === 'assistant') {
    chars += message.refusal?.length ?? 0;
    for (const call of message.tool_calls ?? []) {
      chars +=
        call.type === 'function'
          ? call.function.name.length + call.function.arguments.length
          : call.custom.name.length + call.custom.input.length;
    }
    if (message.function_call)
      chars += message.function_call.name.length + message.function_call.arguments.length;
  }
  return chars;
}

/** Deepest nesting a JSON Schema may have here: deeper ones are refused before anything walks them recursively. */
export const MAX_SCHEMA_DEPTH = 64;

/**
 * A JSON value's size as JSON characters (within a few: separators are estimated), walked without recursion and
 * given up once past `limit` characters or `MAX_SCHEMA_DEPTH` levels, so any schema the body cap lets in is sized in
 * bounded time and stack (`JSON.stringify` overflows the stack on a deeply nested one).
 */
export function jsonSize(value: unknown, limit: number): { chars: number; tooDeep: boolean } {
  const stack: [unknown, number][] = [[value, 0]];
  let chars = 0;
  while (stack.length && chars <= limit) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_SCHEMA_DEPTH) return { chars, tooDeep: true };
    if (typeof node === 'string') chars += node.length + 2;
    else if (Array.isArray(node)) {
      chars += 2 + node.length;
      for (const item of node) stack.push([item, depth + 1]);
    } else if (node && typeof node === 'object') {
      const entries = Object.entries(node);
      chars += 2 + entries.length;
      for (const [key, item] of entries) {
        chars += key.length + 3;
        stack.push([item, depth + 1]);
      }
    } else chars += String(node).length;
  }
  return { chars, tooDeep: false };
}

function schemaChars(schema: unknown, param: string, limit: number): number {
  if (schema === undefined) return 0;
  const { chars, tooDeep } = jsonSize(schema, limit);
  if (tooDeep) {
    throw apiErrors.badRequest(
      `Invalid '${param}': the schema nests deeper than ${MAX_SCHEMA_DEPTH} levels.`,
      param,
      'invalid_value',
    );
  }
  if (chars > limit) {
    throw apiErrors.badRequest(
      `Invalid '${param}': the schema is more than ${limit} characters of JSON; this server accepts at most ${limit}.`,
      param,
      'invalid_value',
    );
  }
  return chars;
}

function tooLong(param: string, max: number, got: number) {
  return apiErrors.badRequest(
    `Invalid '${param}': string too long. Expected a string with maximum length ${max}, but got a string with length ${got} instead.`,
    param,
    'string_above_max_length',
  );
}

export function checkRequestLimits(body: ChatCompletionCreateParams, limits: ProxyConfig['limits']): void {
  if (!limits.allowedModels.includes(body.model)) throw apiErrors.modelNotFound(body.model);
  if (body.messages.length > limits.maxMessages) {
    throw apiErrors.badRequest(
      `Invalid 'messages': array too long. Expected an array with maximum length ${limits.maxMessages}, but got an array with length ${body.messages.length} instead.`,
      'messages',
      'array_above_max_length',
    );
  }
  // An operator who raised the per-message cap has raised the per-request one with it, unless it is set. One
  // schema (tool parameters, response format) may use the whole of it, as JSON.
  const maxTotal = limits.maxRequestChars ?? Math.max(DEFAULT_MAX_REQUEST_CHARS, limits.maxMessageChars);
  let total = 0;
  for (const [i, message] of body.messages.entries()) {
    const length = messageChars(message);
    if (length > limits.maxMessageChars)
      throw tooLong(`messages[${i}].content`, limits.maxMessageChars, length);
    total += length;
  }
  for (const [i, tool] of (body.tools ?? []).entries()) {
    const definition = tool.type === 'function' ? tool.function : tool.custom;
    const schema = tool.type === 'function' ? tool.function.parameters : tool.custom.format;
    const param = `tools[${i}].${tool.type === 'function' ? 'function.parameters' : 'custom.format'}`;
    total +=
      definition.name.length + (definition.description?.length ?? 0) + schemaChars(schema, param, maxTotal);
  }
  for (const [i, fn] of (body.functions ?? []).entries()) {
    total +=
      fn.name.length +
      (fn.description?.length ?? 0) +
      schemaChars(fn.parameters, `functions[${i}].parameters`, maxTotal);
  }
  if (body.response_format?.type === 'json_schema') {
    const { json_schema: format } = body.response_format;
    total +=
      schemaChars(format.schema, 'response_format.json_schema.schema', maxTotal) +
      (format.description?.length ?? 0);
  }
  if (total > maxTotal) {
    throw apiErrors.badRequest(
      `This request has ${total} characters of messages, tools and schemas; this server accepts at most ${maxTotal} in one request. Shorten the conversation or the tool definitions.`,
      'messages',
      'context_length_exceeded',
    );
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
 * Prompt tokens a request reserves. `exact` (a caller this server has authenticated): the tokenizer, bounded in
 * characters and time. Otherwise (a bearer string that only the upstream will check): an estimate from length,
 * so an unchecked key never costs the server a tokenizer run. Both include the response schema.
 */
export function promptTokensFor(body: ChatCompletionCreateParams, { exact }: { exact: boolean }): number {
  // Called after `checkRequestLimits`, so every schema here is of bounded size and depth.
  const schema =
    body.response_format?.type === 'json_schema' ? JSON.stringify(body.response_format.json_schema) : '';
  if (!exact) {
    let chars = schema.length;
    for (const message of body.messages) chars += messageChars(message);
    for (const tool of body.tools ?? []) chars += jsonSize(tool, Infinity).chars;
    // About 4 characters a token in English; the reservation is settled to the upstream's own count afterwards.
    return Math.ceil(chars / 4) + 3 * body.messages.length + 3;
  }
  return countPromptTokens(body.messages, body.tools) + (schema ? countTextTokens(schema) : 0);
}

/** The body as it goes to the backend, and whether the usage chunk the proxy asked for is hidden from the client. */
export interface Prepared {
  body: ChatCompletionCreateParams;
  hideUsageChunk: boolean;
}

/**
 * Shapes the request for its backend. When the server's key pays, what a call can cost must be known before it
 * is made and learned after: the output cap is applied (`capServerPaidOutput`), what the budget can't price is
 * refused (`refuseUnpriced`), and a stream asks for its usage (the chunk is hidden from a client that did not ask).
 */
export function prepareForBackend(
  request: ChatCompletionCreateParams,
  backend: Backend,
  maxOutputTokens: number,
  upstreamIsOpenAI = true,
): Prepared {
  if (backend.kind === 'upstream' && !upstreamIsOpenAI) refuseRemoteImages(request);
  if (!backend.serverKey) return { body: request, hideUsageChunk: false };
  refuseUnpriced(request);
  const capped = capServerPaidOutput(request, maxOutputTokens);
  if (!capped.stream) return { body: capped, hideUsageChunk: false };
  const asked = capped.stream_options?.include_usage === true;
  return {
    body: { ...capped, stream_options: { ...capped.stream_options, include_usage: true } },
    hideUsageChunk: !asked,
  };
}

/**
 * An upstream that is not OpenAI's may fetch an image URL from wherever it runs (an internal network, say): only
 * `data:` URLs, which need no fetching, go to it.
 */
export function refuseRemoteImages(body: ChatCompletionCreateParams): void {
  for (const [i, message] of body.messages.entries()) {
    if (message.role !== 'user' || typeof message.content === 'string') continue;
    for (const [j, part] of message.content.entries()) {
      if (part.type === 'image_url' && !/^data:/i.test(part.image_url.url.trim()))
        throw apiErrors.remoteImage(`messages[${i}].content[${j}].image_url.url`);
    }
  }
}

/**
 * On the server's key: parts and options the daily budget can't price before the call (images, audio and files
 * are billed by size and detail; a prediction's rejected tokens; a faster tier's higher rate; audio output) are
 * refused with a clear 400. A learner's own key may send them all.
 */
export function refuseUnpriced(body: ChatCompletionCreateParams): void {
  const refuse = (param: string, what: string) =>
    apiErrors.badRequest(
      `${what} is not available on Tokenwise's own key, whose daily budget can't price it in advance. Use the sandbox or your own API key for it.`,
      param,
      'unsupported_parameter',
    );
  for (const [i, message] of body.messages.entries()) {
    if (message.role !== 'user' || typeof message.content === 'string') continue;
    const part = message.content.findIndex((p) => p.type !== 'text');
    if (part >= 0) throw refuse(`messages[${i}].content[${part}]`, `A ${message.content[part]!.type} part`);
  }
  if (body.prediction != null) throw refuse('prediction', 'A predicted output (`prediction`)');
  if (body.service_tier != null && body.service_tier !== 'auto' && body.service_tier !== 'default')
    throw refuse('service_tier', `The '${body.service_tier}' service tier`);
  if (body.audio != null || body.modalities?.includes('audio')) throw refuse('modalities', 'Audio output');
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
