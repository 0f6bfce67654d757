import { apiErrors } from '@/lib/errors';
import { ApiError } from '@/lib/http';
import { countTextTokens } from '@/lib/models/tokenizer';
import type { Backend } from '@/lib/proxy/backend';
import type { ProxyConfig } from '@/lib/proxy/config';
import { DEFAULT_MAX_REQUEST_CHARS } from '@/lib/proxy/request-limits';
import type { ResponsesBody } from './schema';

/**
 * This deployment's caps on one Responses request, the same caps as chat completions in the Responses API's
 * names: the model allow-list, input items against `MAX_MESSAGES`, the characters of each item against
 * `MAX_MESSAGE_CHARS`, and of the whole request (input, instructions, tools, schema) against the request cap.
 * Checked on every path, own keys included, before anything is counted or sent.
 */

/** The characters of one input item that reach a tokenizer: every string in it, however deep (bounded by the body cap). */
function charsOf(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce<number>((sum, v) => sum + charsOf(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce<number>((sum, v) => sum + charsOf(v), 0);
  return 0;
}

const jsonChars = (value: unknown) => (value == null ? 0 : JSON.stringify(value).length);

export function checkResponsesLimits(body: ResponsesBody, limits: ProxyConfig['limits']): void {
  if (!limits.allowedModels.includes(body.model)) throw apiErrors.modelNotFound(body.model);
  const maxTotal = limits.maxRequestChars ?? Math.max(DEFAULT_MAX_REQUEST_CHARS, limits.maxMessageChars);
  const items = typeof body.input === 'string' ? [body.input] : (body.input ?? []);
  if (items.length > limits.maxMessages) {
    throw apiErrors.badRequest(
      `Invalid 'input': array too long. Expected an array with maximum length ${limits.maxMessages}, but got an array with length ${items.length} instead.`,
      'input',
      'array_above_max_length',
    );
  }
  let total = body.instructions?.length ?? 0;
  for (const [i, item] of items.entries()) {
    const chars = charsOf(item);
    if (chars > limits.maxMessageChars) {
      const param = typeof body.input === 'string' ? 'input' : `input[${i}]`;
      throw apiErrors.badRequest(
        `Invalid '${param}': string too long. Expected a string with maximum length ${limits.maxMessageChars}, but got a string with length ${chars} instead.`,
        param,
        'string_above_max_length',
      );
    }
    total += chars;
  }
  for (const [i, tool] of (body.tools ?? []).entries()) {
    const size = jsonChars(tool);
    if (size > maxTotal) {
      throw apiErrors.badRequest(
        `Invalid 'tools[${i}]': it is ${size} characters of JSON; this server accepts at most ${maxTotal}.`,
        `tools[${i}]`,
        'invalid_value',
      );
    }
    total += size;
  }
  total += jsonChars(body.text?.format);
  if (total > maxTotal) {
    throw apiErrors.badRequest(
      `This request has ${total} characters of input, instructions, tools and schemas; this server accepts at most ${maxTotal} in one request. Shorten the input or the tool definitions.`,
      'input',
      'context_length_exceeded',
    );
  }
}

/**
 * Input tokens a request reserves (earlier turns of a stored conversation are not known here: the backend's own
 * usage settles the reservation afterwards). `exact`: the tokenizer, bounded; else about 4 characters a token.
 */
export function inputTokensFor(body: ResponsesBody, { exact }: { exact: boolean }): number {
  const parts = [
    body.instructions ?? '',
    typeof body.input === 'string' ? body.input : JSON.stringify(body.input ?? []),
    body.tools?.length ? JSON.stringify(body.tools) : '',
    body.text?.format ? JSON.stringify(body.text.format) : '',
  ].join('\n');
  return exact ? countTextTokens(parts) : Math.ceil(parts.length / 4) + 3;
}

/**
 * An upstream that is not OpenAI's may fetch a URL from wherever it runs (an internal network, say): as for chat
 * completions, only `data:` image URLs go to it, and no file URLs.
 */
export function refuseRemoteFetches(body: ResponsesBody): void {
  if (!Array.isArray(body.input)) return;
  for (const [i, item] of body.input.entries()) {
    const content = (item as { content?: unknown }).content;
    if (!Array.isArray(content)) continue;
    for (const [j, part] of (content as { type?: unknown; image_url?: unknown; file_url?: unknown }[]).entries()) {
      if (part?.type === 'input_image' && typeof part.image_url === 'string' && !/^data:/i.test(part.image_url.trim()))
        throw apiErrors.remoteImage(`input[${i}].content[${j}].image_url`);
      if (part?.type === 'input_file' && part.file_url != null) throw apiErrors.remoteImage(`input[${i}].content[${j}].file_url`);
    }
  }
}

const refuse = (param: string, what: string) =>
  apiErrors.badRequest(
    `${what} is not available on Tokenwise's own key, whose daily budget can't price it in advance. Use the sandbox or your own API key for it.`,
    param,
    'unsupported_parameter',
  );

/**
 * The body as it goes to its backend. On the server's key: an output cap is always set (and one above this
 * server's is refused), what the budget can't price (images, files, built-in tools, background runs) is refused,
 * and nothing is stored upstream, since every guest shares that key's project and could read another's
 * responses there: `previous_response_id` is refused with a pointer to the sandbox and own keys.
 */
export function prepareResponsesBody(
  body: ResponsesBody,
  backend: Backend,
  maxOutputTokens: number,
  upstreamIsOpenAI = true,
): ResponsesBody {
  if (backend.kind === 'upstream' && !upstreamIsOpenAI) refuseRemoteFetches(body);
  if (!backend.serverKey) return body;
  if (body.previous_response_id) {
    throw new ApiError(
      400,
      "Conversation state ('previous_response_id') is not kept on Tokenwise's own key, which every guest shares. Send the earlier turns in 'input', or use the sandbox or your own API key.",
      { param: 'previous_response_id', code: 'unsupported_parameter' },
    );
  }
  for (const [i, tool] of (body.tools ?? []).entries())
    if (tool.type !== 'function') throw refuse(`tools[${i}].type`, `The built-in '${tool.type}' tool`);
  if (body.background) throw refuse('background', 'A background response');
  if (Array.isArray(body.input)) {
    for (const [i, item] of body.input.entries()) {
      const content = (item as { content?: unknown }).content;
      if (!Array.isArray(content)) continue;
      const j = content.findIndex((p: { type?: unknown }) => p?.type !== 'input_text' && p?.type !== 'output_text');
      if (j >= 0) throw refuse(`input[${i}].content[${j}]`, `A ${String((content[j] as { type?: unknown }).type)} part`);
    }
  }
  const cap = body.max_output_tokens;
  if (cap != null && cap > maxOutputTokens) {
    throw apiErrors.badRequest(
      `max_output_tokens is too large for this server: ${cap}. Tokenwise caps requests paid by its own key at ${maxOutputTokens} output tokens; use your own API key for more.`,
      'max_output_tokens',
      'invalid_value',
    );
  }
  return { ...body, store: false, max_output_tokens: cap ?? maxOutputTokens };
}
