import { createHash } from 'node:crypto';
import type {
  ChatCompletionCreateParams,
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions/completions';
import { textOf } from '@/lib/models/tokenizer';
import { generateJson, properNouns, seededRandom, type FillHints } from './json-generate';
import { matchesSchema } from './json-validate';
import type { Recordings } from './recordings';
import { strictSchemaProblem, type JsonSchema } from './strict-schema';

/**
 * What the sandbox says, before any cap or stop sequence cuts it: a refusal when asked for one, tool calls when
 * tools are offered and `tool_choice` calls for them, a lesson's recorded answer for its own example prompt, JSON
 * when a JSON response format is asked for, or a short reply of its own that says it is the sandbox and restates
 * what was asked.
 *
 * Rules lesson writers can rely on (all deterministic):
 * - Variation: temperature 0 always gives variant 0 (the same text for any seed, every choice alike); above 0 the
 *   variant comes from `(model, messages, seed, choice index)`, so the same seed repeats itself, other seeds vary,
 *   and the `n` choices of one request all differ.
 * - Refusal: the `refusal` drill, or `[sandbox:refuse]` anywhere in the last user message.
 * - Tools, `tool_choice: "auto"` (or `allowed_tools` in mode `auto`): a function is called when a word of its name
 *   (other than a verb like get/set/fetch) appears in the last user message, or at least two words of its
 *   description do. With `parallel_tool_calls` not false: every function whose name matches is called, one call
 *   each; and if a single function matches and it has a place-like string parameter (city, location, place,
 *   country...), it is called once per capitalised name in the message ("Paris and Tokyo" gives two calls), up to
 *   `MAX_PARALLEL_CALLS`. With `parallel_tool_calls: false`, at most one call.
 * - `required` calls the best match (or the first tool), a named function calls exactly that one; both report
 *   `finish_reason: "stop"`, an automatic call `"tool_calls"` (FACTS-COURSE F6). `none` never calls.
 * - After `tool` messages (and `tool_choice` not forcing another call), the answer quotes each result, or is the
 *   lesson's recording for the user's question when there is one.
 */

export const REFUSAL_TRIGGER = '[sandbox:refuse]';
export const MAX_PARALLEL_CALLS = 4;

export interface PlannedToolCall {
  id: string;
  name: string;
  arguments: string;
  /** False when the arguments were cut off by the output budget. */
  complete: boolean;
}

export interface PlannedReply {
  content: string | null;
  refusal: string | null;
  toolCalls: PlannedToolCall[] | null;
  /** A call `tool_choice` forced (`required`, a named function): reported with `finish_reason: "stop"`. */
  forced: boolean;
  /** False when generated JSON ran out of budget before it was complete (reported as `length`). */
  complete: boolean;
}

export interface PlanOptions {
  recordings: Recordings;
  /** Which of `n` choices this is. */
  index: number;
  /** Characters any generated JSON may take (from the output cap). */
  maxChars: number;
  /** The `refusal` drill. */
  refuse: boolean;
}

/** A stable hash of the request, so replies are deterministic for `(model, messages, seed)`. */
function digest(...parts: unknown[]): Buffer {
  return createHash('sha256').update(JSON.stringify(parts)).digest();
}

const clip = (text: string, max: number) => {
  const flat = text
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function lastOf(
  messages: readonly ChatCompletionMessageParam[],
  roles: string[],
): ChatCompletionMessageParam | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (roles.includes(messages[i]!.role)) return messages[i];
  return undefined;
}

const OWN_REPLIES: ((question: string, followed: string) => string)[] = [
  (question, followed) =>
    `Sandbox reply: no model was called. You asked ${question}.` +
    (followed ? ` I followed the system instruction "${followed}".` : '') +
    ' Use your own API key to get a real answer.',
  (question, followed) =>
    `This is the Tokenwise sandbox, not a language model. Your message was ${question}.` +
    (followed ? ` The instruction I was given: "${followed}".` : '') +
    ' A live model would answer it here.',
  (question, followed) =>
    `Sandbox here (offline, no model behind me). I received ${question}` +
    (followed ? ` and the instruction "${followed}"` : '') +
    ', and a real model would reply to it in this spot.',
  (question, followed) =>
    `The sandbox answers without a model: it read ${question}` +
    (followed ? ` under the instruction "${followed}"` : '') +
    '. With your own key, a model would write the answer instead.',
];

/** The sandbox's own reply when no recording matches. */
function ownReply(messages: readonly ChatCompletionMessageParam[], variant: number): string {
  const user = lastOf(messages, ['user']);
  const asked = user ? clip(textOf(user.content), 160) : '';
  const instruction = lastOf(messages, ['system', 'developer']);
  const followed = instruction ? clip(textOf(instruction.content), 120) : '';
  const question = asked ? `"${asked}"` : 'nothing yet (there is no user message)';
  return OWN_REPLIES[variant % OWN_REPLIES.length]!(question, followed);
}

/** The tool messages at the end of the conversation, each with the name of the function it answers. */
function toolResults(messages: readonly ChatCompletionMessageParam[]): { name: string; content: string }[] {
  const results: { name: string; content: string }[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i]!.role === 'tool'; i--) {
    const message = messages[i]!;
    const callId = message.role === 'tool' ? message.tool_call_id : '';
    const caller = messages
      .flatMap((m) => (m.role === 'assistant' ? (m.tool_calls ?? []) : []))
      .find((call) => call.id === callId);
    const name = caller?.type === 'function' ? caller.function.name : 'the tool';
    results.unshift({ name, content: textOf(message.content) });
  }
  return results;
}

function toolResultReply(messages: readonly ChatCompletionMessageParam[]): string {
  const results = toolResults(messages).map(({ name, content }) => `${name} returned ${clip(content, 200)}`);
  const user = lastOf(messages, ['user']);
  return (
    `Sandbox reply (no model was called), from your tool results: ${results.join('; ')}.` +
    (user ? ` A live model would now use them to answer "${clip(textOf(user.content), 120)}".` : '')
  );
}

const GENERIC = new Set(
  'get set fetch find lookup look list search create update delete make check give tell show what which from into about your this that with the and for are current return returns given value data info information tool function call'.split(
    ' ',
  ),
);

const wordsOf = (text: string) =>
  new Set(
    text
      .slice(0, 4_000)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2 && !GENERIC.has(w)),
  );

const mentions = (asked: Set<string>, word: string) =>
  asked.has(word) || asked.has(`${word}s`) || asked.has(word.replace(/s$/, ''));

const PLACE_PARAM = /^(location|city|place|country|town|region|destination|address|where|state)$/i;

function placeParameter(tool: ChatCompletionFunctionTool): boolean {
  const properties = (tool.function.parameters as JsonSchema | undefined)?.properties;
  return Boolean(
    properties && typeof properties === 'object' && Object.keys(properties).some((k) => PLACE_PARAM.test(k)),
  );
}

interface ToolPlan {
  calls: { tool: ChatCompletionFunctionTool; subject?: string }[];
  forced: boolean;
}

/** Which functions the sandbox calls, following `tool_choice` and `parallel_tool_calls` (rules at the top). */
function chooseTools(request: ChatCompletionCreateParams, userText: string): ToolPlan | null {
  let tools = (request.tools ?? []).filter((t): t is ChatCompletionFunctionTool => t.type === 'function');
  const choice = request.tool_choice ?? 'auto';
  if (!tools.length || choice === 'none') return null;
  const parallel = request.parallel_tool_calls !== false;
  let required = choice === 'required';
  if (typeof choice === 'object') {
    if (choice.type === 'function') {
      const named = tools.find((t) => t.function.name === choice.function.name);
      return named ? { calls: [{ tool: named }], forced: true } : null;
    }
    if (choice.type === 'allowed_tools') {
      const allowed = new Set(
        choice.allowed_tools.tools.map((t) => (t as { function?: { name?: string } }).function?.name),
      );
      tools = tools.filter((t) => allowed.has(t.function.name));
      required = choice.allowed_tools.mode === 'required';
      if (!tools.length) return null;
    }
  }
  const last = request.messages[request.messages.length - 1];
  if (!required && last?.role === 'tool') return null;

  const asked = wordsOf(userText);
  const scored = tools
    .map((tool, order) => {
      const byName = [...wordsOf(tool.function.name)].filter((w) => mentions(asked, w)).length;
      const byDescription = [...wordsOf(tool.function.description ?? '')].filter((w) =>
        mentions(asked, w),
      ).length;
      return { tool, order, byName, score: byName * 2 + byDescription };
    })
    // One shared word of a description is too weak a reason ("a haiku about a city" is not a weather question).
    .filter((s) => s.byName > 0 || s.score >= 2)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  if (!scored.length) return required ? { calls: [{ tool: tools[0]! }], forced: true } : null;

  let calls: ToolPlan['calls'] = [{ tool: scored[0]!.tool }];
  if (parallel) {
    const byName = scored.filter((s) => s.byName > 0);
    if (byName.length >= 2) {
      calls = byName.slice(0, MAX_PARALLEL_CALLS).map((s) => ({ tool: s.tool }));
    } else if (placeParameter(scored[0]!.tool)) {
      const places = properNouns(userText).slice(0, MAX_PARALLEL_CALLS);
      if (places.length >= 2) calls = places.map((subject) => ({ tool: scored[0]!.tool, subject }));
    }
  }
  return { calls, forced: required };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function planReply(
  request: ChatCompletionCreateParams,
  { recordings, index, maxChars, refuse }: PlanOptions,
): PlannedReply {
  const temperature = request.temperature ?? 1;
  const cold = temperature === 0;
  // Temperature 0 is greedy: one answer whatever the seed or the choice.
  const hash = cold
    ? digest(request.model, request.messages)
    : digest(request.model, request.messages, request.seed ?? null);
  const base = hash.readUInt32BE(0);
  const variant = cold ? 0 : base + index;
  const random = seededRandom(cold ? base : base + index * 7919);
  const user = lastOf(request.messages, ['user']);
  const userText = user ? textOf(user.content).slice(0, 4_000) : '';
  const last = request.messages[request.messages.length - 1];
  const none = { toolCalls: null, forced: false, complete: true };

  if (refuse || userText.toLowerCase().includes(REFUSAL_TRIGGER)) {
    const why = refuse
      ? "the request carried the 'refusal' drill"
      : `the message contained '${REFUSAL_TRIGGER}'`;
    return {
      ...none,
      content: null,
      refusal: `I'm sorry, but I can't help with that. (Sandbox refusal: ${why}, so the answer is a refusal, as a model that declines would give.)`,
    };
  }

  const recorded = user ? recordings.get(textOf(user.content).trim()) : undefined;
  const pickRecorded = (replies: readonly string[]) => {
    const reply = replies[variant % replies.length]!;
    // More choices than recorded variants: later ones say which choice they are, so the n choices still differ.
    return !cold && index >= replies.length ? `${reply} (Sandbox choice ${index + 1}.)` : reply;
  };
  const reply = (() => {
    if (last?.role === 'tool')
      return recorded ? pickRecorded(recorded.replies) : toolResultReply(request.messages);
    if (recorded && last?.role === 'user') return pickRecorded(recorded.replies);
    const own = ownReply(request.messages, variant);
    return !cold && index >= OWN_REPLIES.length ? `${own} (Sandbox choice ${index + 1}.)` : own;
  })();
  const hints: FillHints = { userText, replyText: reply };

  const plan = chooseTools(request, userText);
  if (plan) {
    const perCall = Math.max(64, Math.floor(maxChars / plan.calls.length));
    const toolCalls = plan.calls.map(({ tool, subject }, i) => {
      const parameters = (tool.function.parameters ?? { type: 'object', properties: {} }) as JsonSchema;
      const args = generateJson(parameters, {
        hints: subject ? { ...hints, subject } : hints,
        random: seededRandom(base + index * 7919 + i * 104_729),
        maxChars: perCall,
      });
      const id = `call_${digest('call', hash.toString('hex'), index, i).toString('base64url').replace(/[-_]/g, '').slice(0, 24)}`;
      return { id, name: tool.function.name, arguments: args.text, complete: args.complete };
    });
    return {
      content: null,
      refusal: null,
      toolCalls,
      forced: plan.forced,
      complete: toolCalls.every((c) => c.complete),
    };
  }

  const format = request.response_format;
  if (format?.type === 'json_object') {
    const parsed = tryJson(reply);
    const value =
      parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? parsed
        : { sandbox: true, question: clip(userText, 240), answer: reply };
    return { ...none, content: JSON.stringify(value), refusal: null };
  }
  if (format?.type === 'json_schema') {
    const schema = (format.json_schema.schema ?? { type: 'object', properties: {} }) as JsonSchema;
    // A recorded JSON reply is used when it fits the schema (checked only for schemas of bounded size).
    const parsed = recorded ? tryJson(reply) : undefined;
    if (parsed !== undefined && strictSchemaProblem(schema) === null && matchesSchema(schema, parsed)) {
      return { ...none, content: JSON.stringify(parsed), refusal: null };
    }
    const json = generateJson(schema, { hints, random, maxChars });
    return { ...none, content: json.text, refusal: null, complete: json.complete };
  }
  return { ...none, content: reply, refusal: null };
}
