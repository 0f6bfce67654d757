import { randomUUID } from 'node:crypto';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
  ChatCompletionTokenLogprob,
} from 'openai/resources/chat/completions/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type { Recordings } from './recordings';
import { planReply, type PlannedToolCall } from './reply';
import {
  countPromptTokens,
  countTextTokens,
  tokenPieces,
  tokenize,
  truncateToTokens,
} from '@/lib/models/tokenizer';
import type { PromptCache } from './prompt-cache';
import { validateForModel } from './validate';

/** Every sandbox response says where it came from; it never claims to be GPT. */
export const SANDBOX_FINGERPRINT = 'sandbox';

type FinishReason = 'stop' | 'length' | 'tool_calls';

export interface SandboxChoice {
  index: number;
  content: string | null;
  /** Set when the sandbox refuses; `content` is then null. */
  refusal: string | null;
  toolCalls: PlannedToolCall[] | null;
  finishReason: FinishReason;
  /** The content (or the refusal) as it streams: one piece per token. Worked out only when a stream or logprobs need it. */
  readonly pieces: string[];
  completionTokens: number;
}

export interface SandboxCompletion {
  id: string;
  created: number;
  model: string;
  choices: SandboxChoice[];
  usage: CompletionUsage;
  /** `logprobs: true` was asked for; `top_logprobs` entries per token. */
  logprobs: { top: number } | null;
}

/** Cuts at the first stop sequence, then at the token cap, reporting why the text ended. */
function shape(text: string, stop: ChatCompletionCreateParams['stop'], cap: number) {
  const stops = typeof stop === 'string' ? [stop] : (stop ?? []);
  let end = text.length;
  for (const s of stops) {
    const at = s ? text.indexOf(s) : -1;
    if (at >= 0 && at < end) end = at;
  }
  const stopped = text.slice(0, end);
  const tokens = tokenize(stopped);
  if (tokens.length <= cap) return { text: stopped, tokens, finishReason: 'stop' as const };
  const kept = tokens.slice(0, cap);
  return { text: tokenPieces(kept).join(''), tokens: kept, finishReason: 'length' as const };
}

/** The sandbox's ceiling on output tokens when nothing lower is asked for (the server's `MAX_OUTPUT_TOKENS` default). */
export const DEFAULT_SANDBOX_MAX_OUTPUT_TOKENS = 4_096;
/** Generated JSON may take this many characters per output token of the cap, and never more than `MAX_JSON_CHARS`. */
const JSON_CHARS_PER_TOKEN = 12;
const MAX_JSON_CHARS = 96_000;
/** All `n` choices of one request together never generate more than this. */
const MAX_REQUEST_JSON_CHARS = 256_000;

export interface CompleteOptions {
  recordings: Recordings;
  /** The server's cap on output tokens, applied to every request (a request may ask for less). */
  maxOutputTokens?: number;
  /** Prefixes seen before, for `cached_tokens`; none means nothing is ever cached. */
  promptCache?: PromptCache;
  /** The `refusal` drill. */
  refuse?: boolean;
  /** Whose prompt cache this request reads (see `CALLER_HEADER`). */
  caller?: string;
}

/** Validates the request against its model and writes the sandbox's answer, with usage counted as OpenAI bills it. */
export function complete(
  request: ChatCompletionCreateParams,
  {
    recordings,
    maxOutputTokens = DEFAULT_SANDBOX_MAX_OUTPUT_TOKENS,
    promptCache,
    refuse = false,
    caller = '',
  }: CompleteOptions,
): SandboxCompletion {
  const promptTokens = countPromptTokens(request.messages, request.tools);
  const model = validateForModel(request, promptTokens);
  // Always bounded: the request's cap, else the model's ceiling, and never more than the server allows.
  const cap = Math.min(
    request.max_completion_tokens ?? request.max_tokens ?? model.maxOutputTokens,
    maxOutputTokens,
  );
  const n = request.n ?? 1;
  const maxChars = Math.min(
    cap * JSON_CHARS_PER_TOKEN,
    MAX_JSON_CHARS,
    Math.floor(MAX_REQUEST_JSON_CHARS / n),
  );

  const choices: SandboxChoice[] = [];
  for (let index = 0; index < n; index++) {
    const plan = planReply(request, { recordings, index, maxChars, refuse });
    if (plan.toolCalls) {
      let finishReason: FinishReason = plan.forced ? 'stop' : 'tool_calls';
      let completionTokens = 0;
      const toolCalls = plan.toolCalls.map((call) => {
        const budget = Math.max(cap - completionTokens, 0);
        const cut = truncateToTokens(call.arguments, budget);
        if (cut.cut || !call.complete) finishReason = 'length';
        completionTokens += cut.tokens + countTextTokens(call.name);
        return { ...call, arguments: cut.text };
      });
      choices.push({
        index,
        content: null,
        refusal: null,
        toolCalls,
        finishReason,
        pieces: [],
        completionTokens,
      });
      continue;
    }
    const refusing = plan.refusal != null;
    const shaped = shape(
      refusing ? plan.refusal! : (plan.content ?? ''),
      refusing ? null : request.stop,
      cap,
    );
    const tokens = shaped.tokens;
    let pieces: string[] | undefined;
    choices.push({
      index,
      content: refusing ? null : shaped.text,
      refusal: refusing ? shaped.text : null,
      toolCalls: null,
      finishReason: plan.complete ? shaped.finishReason : 'length',
      get pieces() {
        return (pieces ??= tokenPieces(tokens));
      },
      completionTokens: tokens.length,
    });
  }

  const completionTokens = choices.reduce((sum, c) => sum + c.completionTokens, 0);
  const cachedTokens = promptCache?.lookup(request, promptTokens, caller) ?? 0;
  return {
    id: `chatcmpl-${randomUUID().replace(/-/g, '').slice(0, 24)}`,
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices,
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: cachedTokens, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    logprobs: request.logprobs ? { top: request.top_logprobs ?? 0 } : null,
  };
}

/** The sandbox is certain of every token it writes, so each one has log probability 0. */
function logprobsOf(pieces: string[], top: number): ChatCompletionTokenLogprob[] {
  return pieces.map((token) => {
    const bytes = [...Buffer.from(token, 'utf8')];
    return { token, logprob: 0, bytes, top_logprobs: top > 0 ? [{ token, logprob: 0, bytes }] : [] };
  });
}

function toolCallsOf(choice: SandboxChoice) {
  return (choice.toolCalls ?? []).map((call) => ({
    id: call.id,
    type: 'function' as const,
    function: { name: call.name, arguments: call.arguments },
  }));
}

/** The `chat.completion` object, shaped as `CreateChatCompletionResponse`. */
export function toCompletionJson(c: SandboxCompletion): ChatCompletion {
  return {
    id: c.id,
    object: 'chat.completion',
    created: c.created,
    model: c.model,
    choices: c.choices.map((choice) => ({
      index: choice.index,
      message: {
        role: 'assistant',
        content: choice.content,
        refusal: choice.refusal,
        ...(choice.toolCalls ? { tool_calls: toolCallsOf(choice) } : {}),
        annotations: [],
      },
      logprobs: c.logprobs
        ? choice.refusal != null
          ? { content: null, refusal: logprobsOf(choice.pieces, c.logprobs.top) }
          : { content: logprobsOf(choice.pieces, c.logprobs.top), refusal: null }
        : null,
      finish_reason: choice.finishReason,
    })),
    usage: c.usage,
    service_tier: 'default',
    system_fingerprint: SANDBOX_FINGERPRINT,
  };
}

/**
 * The stream, shaped as `CreateChatCompletionStreamResponse` chunks: a role chunk per choice, one chunk per
 * token, a closing chunk with `delta: {}` and the finish reason, then (with `include_usage`) a final chunk with
 * `choices: []` and the usage; every earlier chunk then carries `usage: null`.
 */
export function* toCompletionChunks(
  c: SandboxCompletion,
  includeUsage: boolean,
): Generator<ChatCompletionChunk> {
  const base = {
    id: c.id,
    object: 'chat.completion.chunk' as const,
    created: c.created,
    model: c.model,
    service_tier: 'default' as const,
    system_fingerprint: SANDBOX_FINGERPRINT,
  };
  const chunk = (choice: ChatCompletionChunk.Choice): ChatCompletionChunk => ({
    ...base,
    choices: [choice],
    ...(includeUsage ? { usage: null } : {}),
  });
  for (const choice of c.choices) {
    const { index } = choice;
    if (choice.toolCalls) {
      const calls = toolCallsOf(choice);
      yield chunk({
        index,
        delta: {
          role: 'assistant',
          content: null,
          tool_calls: calls.map((call, i) => ({
            index: i,
            id: call.id,
            type: 'function',
            function: { name: call.function.name, arguments: '' },
          })),
          refusal: null,
        },
        logprobs: null,
        finish_reason: null,
      });
      for (const [i, call] of calls.entries()) {
        for (const piece of tokenPieces(tokenize(call.function.arguments))) {
          yield chunk({
            index,
            delta: { tool_calls: [{ index: i, function: { arguments: piece } }] },
            logprobs: null,
            finish_reason: null,
          });
        }
      }
    } else if (choice.refusal != null) {
      // A refusal streams like content, in `delta.refusal` (the SDK's stream helper emits `refusal.delta`).
      yield chunk({
        index,
        delta: { role: 'assistant', content: null, refusal: '' },
        logprobs: null,
        finish_reason: null,
      });
      for (const piece of choice.pieces) {
        yield chunk({
          index,
          delta: { refusal: piece },
          logprobs: c.logprobs ? { content: null, refusal: logprobsOf([piece], c.logprobs.top) } : null,
          finish_reason: null,
        });
      }
    } else {
      yield chunk({
        index,
        delta: { role: 'assistant', content: '', refusal: null },
        logprobs: null,
        finish_reason: null,
      });
      for (const piece of choice.pieces) {
        yield chunk({
          index,
          delta: { content: piece },
          logprobs: c.logprobs ? { content: logprobsOf([piece], c.logprobs.top), refusal: null } : null,
          finish_reason: null,
        });
      }
    }
    yield chunk({ index, delta: {}, logprobs: null, finish_reason: choice.finishReason });
  }
  if (includeUsage) yield { ...base, choices: [], usage: c.usage };
}
