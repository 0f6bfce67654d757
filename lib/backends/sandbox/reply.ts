import { createHash } from 'node:crypto';
import type {
  ChatCompletionCreateParams,
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions/completions';
import { sampleFromSchema, type JsonSchema } from './json-schema';
import type { Recordings } from './recordings';
import { textOf } from '@/lib/models/tokenizer';

/**
 * What the sandbox says, before any cap or stop sequence cuts it: a lesson's recorded answer for its own example
 * prompt, a tool call when tools are offered and one fits, JSON when a JSON response format is asked for, or a
 * short reply of its own that says it is the sandbox and restates what was asked.
 */
export interface PlannedToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface PlannedReply {
  content: string | null;
  toolCalls: PlannedToolCall[] | null;
}

/** A stable number from the request, so replies are deterministic for `(model, messages, seed)`. */
function digest(...parts: unknown[]): Buffer {
  return createHash('sha256').update(JSON.stringify(parts)).digest();
}

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function lastOf(
  messages: readonly ChatCompletionMessageParam[],
  roles: string[],
): ChatCompletionMessageParam | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (roles.includes(messages[i]!.role)) return messages[i];
  return undefined;
}

/** The sandbox's own reply when no recording matches. Variant 0 is the temperature-0 answer. */
function ownReply(messages: readonly ChatCompletionMessageParam[], variant: number): string {
  const user = lastOf(messages, ['user']);
  const asked = user ? clip(textOf(user.content), 160) : '';
  const instruction = lastOf(messages, ['system', 'developer']);
  const followed = instruction ? clip(textOf(instruction.content), 120) : '';
  const question = asked ? `"${asked}"` : 'nothing yet (there is no user message)';
  const templates = [
    () =>
      `Sandbox reply: no model was called. You asked ${question}.` +
      (followed ? ` I followed the system instruction "${followed}".` : '') +
      ' Use your own API key to get a real answer.',
    () =>
      `This is the Tokenwise sandbox, not a language model. Your message was ${question}.` +
      (followed ? ` The instruction I was given: "${followed}".` : '') +
      ' A live model would answer it here.',
    () =>
      `Sandbox here (offline, no model behind me). I received ${question}` +
      (followed ? ` and the instruction "${followed}"` : '') +
      ', and a real model would reply to it in this spot.',
  ];
  return templates[variant % templates.length]!();
}

function toolResultReply(messages: readonly ChatCompletionMessageParam[]): string {
  const results: string[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i]!.role === 'tool'; i--) {
    const message = messages[i]!;
    const callId = message.role === 'tool' ? message.tool_call_id : '';
    const caller = messages
      .flatMap((m) => (m.role === 'assistant' ? (m.tool_calls ?? []) : []))
      .find((call) => call.id === callId);
    const name = caller?.type === 'function' ? caller.function.name : 'the tool';
    results.unshift(`${name} returned ${clip(textOf(message.content), 160)}`);
  }
  const user = lastOf(messages, ['user']);
  return (
    `Sandbox reply: no model was called. ${results.join('; ')}.` +
    (user ? ` A live model would now use that to answer "${clip(textOf(user.content), 120)}".` : '')
  );
}

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2),
  );

/** The function the sandbox calls, if any, following `tool_choice` the way the API does. */
function chooseTool(request: ChatCompletionCreateParams): ChatCompletionFunctionTool | undefined {
  let tools = (request.tools ?? []).filter((t): t is ChatCompletionFunctionTool => t.type === 'function');
  const choice = request.tool_choice ?? 'auto';
  if (!tools.length || choice === 'none') return undefined;
  let required = choice === 'required';
  if (typeof choice === 'object') {
    if (choice.type === 'function') return tools.find((t) => t.function.name === choice.function.name);
    if (choice.type === 'allowed_tools') {
      const allowed = new Set(
        choice.allowed_tools.tools.map((t) => (t as { function?: { name?: string } }).function?.name),
      );
      tools = tools.filter((t) => allowed.has(t.function.name));
      required = choice.allowed_tools.mode === 'required';
    }
  }
  const last = request.messages[request.messages.length - 1];
  if (!required && last?.role === 'tool') return undefined;
  const user = lastOf(request.messages, ['user']);
  const asked = words(user ? textOf(user.content) : '');
  let best: ChatCompletionFunctionTool | undefined;
  let bestScore = 0;
  for (const tool of tools) {
    const offered = words(`${tool.function.name.replace(/_/g, ' ')} ${tool.function.description ?? ''}`);
    let score = 0;
    for (const word of offered)
      if (asked.has(word) || asked.has(`${word}s`) || asked.has(word.replace(/s$/, ''))) score++;
    if (score > bestScore) [best, bestScore] = [tool, score];
  }
  return best ?? (required ? tools[0] : undefined);
}

export interface PlanOptions {
  recordings: Recordings;
  /** Which of `n` choices this is; choices differ only when temperature is above 0. */
  index: number;
}

export function planReply(
  request: ChatCompletionCreateParams,
  { recordings, index }: PlanOptions,
): PlannedReply {
  const temperature = request.temperature ?? 1;
  const hash = digest(request.model, request.messages, request.seed ?? null, index);
  const variant = temperature === 0 ? 0 : hash.readUInt32BE(0);
  const user = lastOf(request.messages, ['user']);
  const userText = user ? textOf(user.content) : '';

  const tool = chooseTool(request);
  const reply = (() => {
    const last = request.messages[request.messages.length - 1];
    if (last?.role === 'tool') return toolResultReply(request.messages);
    const recorded = user && last?.role === 'user' ? recordings.get(userText.trim()) : undefined;
    if (recorded) return recorded.replies[variant % recorded.replies.length]!;
    return ownReply(request.messages, variant);
  })();

  if (tool) {
    const parameters = (tool.function.parameters ?? { type: 'object', properties: {} }) as JsonSchema;
    const args = sampleFromSchema(parameters, { userText, replyText: reply });
    const id = `call_${digest('call', hash.toString('hex')).toString('base64url').replace(/[-_]/g, '').slice(0, 24)}`;
    return { content: null, toolCalls: [{ id, name: tool.function.name, arguments: JSON.stringify(args) }] };
  }

  const format = request.response_format;
  if (format?.type === 'json_object') {
    const parsed = tryJson(reply);
    const value =
      parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? parsed
        : { sandbox: true, question: userText, answer: reply };
    return { content: JSON.stringify(value), toolCalls: null };
  }
  if (format?.type === 'json_schema') {
    const parsed = tryJson(reply);
    const schema = (format.json_schema.schema ?? { type: 'object', properties: {} }) as JsonSchema;
    const value =
      parsed && typeof parsed === 'object'
        ? parsed
        : sampleFromSchema(schema, { userText, replyText: reply });
    return { content: JSON.stringify(value), toolCalls: null };
  }
  return { content: reply, toolCalls: null };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
