import { countChatCompletionTokens as countChat, decodeGenerator, encode } from 'gpt-tokenizer/model/gpt-4o';
import type {
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions/completions';

/**
 * Token counting with OpenAI's own tokenizer (o200k_base, the gpt-4o / gpt-4.1 / gpt-5 encoding), so `usage` is
 * what OpenAI would bill. Plain text messages (with or without `name`) count exactly as the API counts them:
 * 3 tokens per message, 1 more for a name, 3 to prime the reply. Tool definitions and tool calls follow the
 * published function-calling formula, which is close but not guaranteed exact.
 */

interface CountableMessage {
  role: string;
  content: string;
  name?: string;
  function_call?: { name: string; arguments: string };
}

/** The text of a message's content, whatever shape it came in. Non-text parts (images, audio) count as nothing. */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) => {
      if (part && typeof part === 'object') {
        const p = part as { type?: unknown; text?: unknown; refusal?: unknown };
        if (p.type === 'text' && typeof p.text === 'string') return p.text;
        if (p.type === 'refusal' && typeof p.refusal === 'string') return p.refusal;
      }
      return '';
    })
    .join('');
}

function toCountable(message: ChatCompletionMessageParam): CountableMessage[] {
  const base: CountableMessage = { role: message.role, content: textOf(message.content) };
  if ('name' in message && typeof message.name === 'string' && message.name) base.name = message.name;
  if (message.role === 'assistant' && message.tool_calls?.length) {
    // Each call is rendered like a legacy function call, the shape the counting formula knows.
    return [
      base,
      ...message.tool_calls.map((call) => ({
        role: 'assistant',
        content: '',
        function_call:
          call.type === 'function'
            ? { name: call.function.name, arguments: call.function.arguments }
            : { name: call.custom.name, arguments: call.custom.input },
      })),
    ];
  }
  return [base];
}

/** Prompt tokens for a chat request, as the API reports them in `usage.prompt_tokens`. */
export function countPromptTokens(
  messages: readonly ChatCompletionMessageParam[],
  tools?: readonly ChatCompletionTool[] | null,
): number {
  const functions = (tools ?? []).flatMap((tool) =>
    tool.type === 'function'
      ? [
          {
            name: tool.function.name,
            ...(tool.function.description ? { description: tool.function.description } : {}),
            ...(tool.function.parameters ? { parameters: tool.function.parameters } : {}),
          },
        ]
      : [],
  );
  if (!countChat) throw new Error('gpt-tokenizer: this build has no chat token counter');
  return countChat({
    messages: messages.flatMap(toCountable),
    ...(functions.length ? { functions: functions as never } : {}),
  });
}

export function countTextTokens(text: string): number {
  return text ? encode(text).length : 0;
}

/** Token ids of a text, for cutting it at a token boundary. */
export function tokenize(text: string): number[] {
  return encode(text);
}

/**
 * Splits token ids back into text pieces, one piece per token where the token ends on a character boundary
 * (multi-byte characters that span tokens come out whole, in the piece that completes them).
 */
export function tokenPieces(tokens: readonly number[]): string[] {
  const pieces: string[] = [];
  for (const piece of decodeGenerator(tokens)) {
    if (piece) pieces.push(piece);
  }
  return pieces;
}

/** The text of the first `limit` tokens. */
export function truncateToTokens(
  text: string,
  limit: number,
): { text: string; tokens: number; cut: boolean } {
  const tokens = encode(text);
  if (tokens.length <= limit) return { text, tokens: tokens.length, cut: false };
  return { text: tokenPieces(tokens.slice(0, limit)).join(''), tokens: limit, cut: true };
}
