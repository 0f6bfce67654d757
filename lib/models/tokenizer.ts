import { decodeGenerator, encode } from 'gpt-tokenizer/model/gpt-4o';
import { computeChatCompletionTokenCount } from 'gpt-tokenizer/functionCalling';
import type {
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions/completions';

/**
 * Token counting with OpenAI's own tokenizer (o200k_base, the gpt-4o / gpt-4.1 / gpt-5 encoding), so `usage` is
 * what OpenAI would bill. Plain text messages (with or without `name`) count exactly as the API counts them:
 * 3 tokens per message, 1 more for a name, 3 to prime the reply. Tool definitions and tool calls follow the
 * published function-calling formula, which is close but not guaranteed exact.
 *
 * Bounded for any input. Byte-pair encoding is quadratic in the length of one pre-token, and a run of one
 * character class (64,000 `!`, 200 kB of one letter, a page of CJK) is one pre-token: encoded whole it takes
 * seconds. So text is cut into segments first: ordinary text at the start of a whitespace run (where the
 * tokenizer itself splits, so the count stays exact), and any run of one class longer than `RUN_LIMIT` into
 * `RUN_LIMIT`-character pieces (a count within a token or two per piece of what OpenAI reports for such text).
 * Counting then stops at `MAX_COUNTED_CHARS` characters or `COUNT_TIME_LIMIT_MS` per call, whichever comes
 * first, and estimates the rest from the ratio of tokens to characters seen so far.
 */

/** Longest run of one character class encoded as one piece (the BPE merge loop is quadratic in it). */
export const RUN_LIMIT = 64;
/** Ordinary text is encoded in segments of about this many characters, so the clock can be read between them. */
const SEGMENT_CHARS = 4_096;
/** Characters counted exactly per call; the rest is estimated. */
export const MAX_COUNTED_CHARS = 300_000;
/**
 * Time one count may take before the rest is estimated: a backstop only. The character cap already bounds the work,
 * and a tighter clock would make `usage` depend on how busy the machine is (a loaded server estimating a prompt a
 * learner then sees differ from run to run).
 */
export const COUNT_TIME_LIMIT_MS = 1_000;

// The encoder builds its tables on first use; pay that once at load, not inside the first request's time limit.
encode('warm up');

/** Maximal runs of one class: letters (with marks), digits, whitespace, everything else. Alternatives are disjoint. */
const RUNS = /[\p{L}\p{M}]+|\p{N}+|\s+|[^\p{L}\p{M}\p{N}\s]+/gu;

/**
 * The text cut into pieces that are cheap to encode one by one, in order; joined they are the text. Lazy, so a
 * count that stops early never scans the rest.
 */
export function* segments(text: string): Generator<string> {
  if (text.length <= RUN_LIMIT) {
    if (text) yield text;
    return;
  }
  let start = 0; // start of the pending ordinary segment
  for (const match of text.matchAll(RUNS)) {
    const at = match.index;
    const run = match[0];
    if (run.length > RUN_LIMIT) {
      if (at > start) yield text.slice(start, at);
      // Cut on code points, never inside a surrogate pair.
      const chars = Array.from(run);
      for (let i = 0; i < chars.length; i += RUN_LIMIT) yield chars.slice(i, i + RUN_LIMIT).join('');
      start = at + run.length;
    } else if (at - start >= SEGMENT_CHARS && /^[^\S\r\n]+$/.test(run)) {
      // The tokenizer splits before a run of spaces that follows other text (newlines are different: punctuation
      // takes the newlines after it into its own token), so this cut changes nothing.
      yield text.slice(start, at);
      start = at;
    }
  }
  if (start < text.length) yield text.slice(start);
}

export interface CountOptions {
  /** @default MAX_COUNTED_CHARS */
  maxChars?: number;
  /** @default COUNT_TIME_LIMIT_MS */
  timeLimitMs?: number;
}

/** Tokens in a text: exact for ordinary text, bounded in time for any text (see the module comment). */
export function countTextTokens(text: string, options: CountOptions = {}): number {
  if (!text) return 0;
  const maxChars = options.maxChars ?? MAX_COUNTED_CHARS;
  const deadline = performance.now() + (options.timeLimitMs ?? COUNT_TIME_LIMIT_MS);
  let chars = 0;
  let tokens = 0;
  for (const piece of segments(text)) {
    if (chars > 0 && (chars + piece.length > maxChars || performance.now() > deadline)) {
      return tokens + Math.ceil(((text.length - chars) * tokens) / chars);
    }
    tokens += encode(piece).length;
    chars += piece.length;
  }
  return tokens;
}

/**
 * Token ids of a text, for cutting it at a token boundary or streaming it token by token. Bounded per segment
 * like the count, but never estimated: callers pass text of bounded size (the sandbox's own output).
 */
export function tokenize(text: string): number[] {
  const ids: number[] = [];
  for (const piece of segments(text)) for (const id of encode(piece)) ids.push(id);
  return ids;
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

interface CountableMessage {
  role: string;
  content: string;
  name?: string;
  function_call?: { name: string; arguments: string };
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

/**
 * Prompt tokens for a chat request, as the API reports them in `usage.prompt_tokens`. One budget of characters
 * and time covers the whole request (every message, name, tool description and schema), so no field of a
 * request can make the count slow.
 */
export function countPromptTokens(
  messages: readonly ChatCompletionMessageParam[],
  tools?: readonly ChatCompletionTool[] | null,
  options: CountOptions = {},
): number {
  // Parameters nested too deep for the formula's recursive formatter are estimated from their size instead.
  let estimated = 0;
  const functions = (tools ?? []).flatMap((tool) => {
    if (tool.type !== 'function') return [];
    const shape = measure(tool.function.parameters);
    const formattable = shape.depth <= MAX_FORMATTED_DEPTH && shape.nodes <= MAX_FORMATTED_NODES;
    if (!formattable) estimated += shape.nodes * TOKENS_PER_SCHEMA_NODE;
    return [
      {
        name: tool.function.name,
        ...(tool.function.description ? { description: tool.function.description } : {}),
        ...(tool.function.parameters && formattable ? { parameters: tool.function.parameters } : {}),
      },
    ];
  });
  let charsLeft = options.maxChars ?? MAX_COUNTED_CHARS;
  const deadline = performance.now() + (options.timeLimitMs ?? COUNT_TIME_LIMIT_MS);
  // Seen so far, for estimating once the budget is spent.
  let seenChars = 0;
  let seenTokens = 0;
  const count = (text: string): number => {
    const timeLeft = deadline - performance.now();
    let tokens: number;
    if (charsLeft <= 0 || timeLeft <= 0) {
      tokens = Math.ceil(seenChars > 0 ? (text.length * seenTokens) / seenChars : text.length / 4);
    } else {
      tokens = countTextTokens(text, { maxChars: charsLeft, timeLimitMs: timeLeft });
      charsLeft -= text.length;
      seenChars += text.length;
      seenTokens += tokens;
    }
    return tokens;
  };
  return (
    estimated +
    computeChatCompletionTokenCount(
      {
        messages: messages.flatMap(toCountable),
        ...(functions.length ? { functions: functions as never } : {}),
      },
      count,
    )
  );
}

/** Deeper tool parameters than this are not formatted (the formatter recurses and indents by depth). */
const MAX_FORMATTED_DEPTH = 32;
const MAX_FORMATTED_NODES = 50_000;
/** A rough rate for a schema too deep to format: a key, a type and punctuation per node. */
const TOKENS_PER_SCHEMA_NODE = 4;

/** Depth and node count of a JSON value, without recursion, stopping early past the limits. */
function measure(value: unknown): { depth: number; nodes: number } {
  let depth = 0;
  let nodes = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, level] = stack.pop()!;
    nodes++;
    depth = Math.max(depth, level);
    if (depth > MAX_FORMATTED_DEPTH * 2 || nodes > MAX_FORMATTED_NODES * 2) break;
    if (node && typeof node === 'object') {
      for (const child of Object.values(node))
        if (child && typeof child === 'object') stack.push([child, level + 1]);
    }
  }
  return { depth, nodes };
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
  const tokens = tokenize(text);
  if (tokens.length <= limit) return { text, tokens: tokens.length, cut: false };
  return { text: tokenPieces(tokens.slice(0, limit)).join(''), tokens: limit, cut: true };
}
