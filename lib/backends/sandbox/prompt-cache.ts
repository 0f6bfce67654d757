import { createHash } from 'node:crypto';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions/completions';
import { textOf, tokenize } from '@/lib/models/tokenizer';

/**
 * Prompt caching as OpenAI describes it for models before GPT-5.6 (FACTS-COURSE T4): automatic for prompts of
 * 1024 tokens or more, an exact-prefix match (tools, schema and messages in order), reported in 128-token
 * increments in `usage.prompt_tokens_details.cached_tokens`. The sandbox remembers hashes of the prefixes it has
 * seen, at every 128-token boundary from 1024 on, in a small LRU per caller, model and `prompt_cache_key`. The
 * caller is whatever the server puts in `x-tokenwise-caller` (one learner's runner token, say), so one learner's
 * runs never show another's cache; without it, every caller of this sandbox shares one cache, as the callers of
 * one OpenAI organization do. The first call with a long prefix reports 0 cached tokens; the same prefix again
 * reports the longest remembered boundary.
 */
export const CACHE_MIN_TOKENS = 1_024;
/** The request header a server sets to keep each caller's cache apart. */
export const CALLER_HEADER = 'x-tokenwise-caller';
export const CACHE_INCREMENT = 128;
/** Prefix hashes remembered in all. */
const MAX_ENTRIES = 4_096;
/** Prompts longer than this (rendered characters) are not cached: hashing them would cost more than it shows. */
const MAX_RENDERED_CHARS = 200_000;

/** The prompt as one text, in the order the model reads it: tools and output schema first, then the messages. */
function render(request: ChatCompletionCreateParams): string | null {
  const parts: string[] = [];
  let size = 0;
  const add = (text: string) => {
    size += text.length;
    parts.push(text);
    return size <= MAX_RENDERED_CHARS;
  };
  if (request.tools?.length && !add(`tools:${JSON.stringify(request.tools)}\n`)) return null;
  if (request.response_format && !add(`format:${JSON.stringify(request.response_format)}\n`)) return null;
  for (const message of request.messages) {
    const extra =
      message.role === 'assistant' && message.tool_calls?.length ? JSON.stringify(message.tool_calls) : '';
    const name = 'name' in message && message.name ? `:${message.name}` : '';
    if (!add(`<|${message.role}${name}|>${textOf(message.content)}${extra}<|end|>`)) return null;
  }
  return parts.join('');
}

export class PromptCache {
  /** Insertion order is recency order: a hit is deleted and set again. */
  private readonly entries = new Map<string, true>();

  /** Cached tokens for this request (0 on a first sight), remembering its prefixes for the next call. */
  lookup(request: ChatCompletionCreateParams, promptTokens: number, caller = ''): number {
    if (promptTokens < CACHE_MIN_TOKENS) return 0;
    let text: string | null;
    try {
      text = render(request);
    } catch {
      // A tool schema nested too deep to serialize: such a prompt is simply not cached.
      return 0;
    }
    if (text == null) return 0;
    const tokens = tokenize(text);
    const scope = JSON.stringify([caller, request.model, request.prompt_cache_key ?? '']);
    let hash = createHash('sha256').update(scope).digest('hex');
    let cached = 0;
    const boundaries: string[] = [];
    for (let end = CACHE_INCREMENT; end <= tokens.length; end += CACHE_INCREMENT) {
      hash = createHash('sha256')
        .update(hash)
        .update(Uint32Array.from(tokens.slice(end - CACHE_INCREMENT, end)))
        .digest('hex');
      if (end < CACHE_MIN_TOKENS) continue;
      if (this.entries.has(hash)) {
        cached = end;
        this.entries.delete(hash);
      }
      boundaries.push(hash);
    }
    for (const key of boundaries) this.entries.set(key, true);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    // The rendering only approximates the API's, so never report more than the prompt or the last full block.
    return Math.min(cached, Math.floor(promptTokens / CACHE_INCREMENT) * CACHE_INCREMENT);
  }
}
