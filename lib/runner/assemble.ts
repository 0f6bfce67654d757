/**
 * Rebuilds the `chat.completion` object a stream adds up to, from its `chat.completion.chunk`s: the same fields a
 * non-streamed call returns, so the inspector can explain both alike. Unknown shapes are skipped, never trusted.
 */

type Json = Record<string, unknown>;

interface ToolCall {
  index: number;
  id?: string;
  type?: string;
  function: { name: string; arguments: string };
}

interface Choice {
  index: number;
  message: { role: string; content: string | null; refusal: string | null; tool_calls?: ToolCall[] };
  finish_reason: unknown;
  logprobs: unknown;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function assembleStream(chunks: readonly unknown[]): Json | null {
  const valid = chunks.filter(isObject).filter((c) => c.object === 'chat.completion.chunk');
  const first = valid[0];
  if (!first) return null;

  const choices = new Map<number, Choice>();
  let usage: unknown = null;
  let serviceTier: unknown;
  let fingerprint: unknown;

  for (const chunk of valid) {
    if (chunk.usage) usage = chunk.usage;
    if (chunk.service_tier !== undefined) serviceTier = chunk.service_tier;
    if (chunk.system_fingerprint !== undefined) fingerprint = chunk.system_fingerprint;
    if (!Array.isArray(chunk.choices)) continue;
    for (const raw of chunk.choices) {
      if (!isObject(raw) || typeof raw.index !== 'number') continue;
      let choice = choices.get(raw.index);
      if (!choice) {
        choice = {
          index: raw.index,
          message: { role: 'assistant', content: null, refusal: null },
          finish_reason: null,
          logprobs: null,
        };
        choices.set(raw.index, choice);
      }
      if (raw.finish_reason != null) choice.finish_reason = raw.finish_reason;
      if (raw.logprobs != null) choice.logprobs = mergeLogprobs(choice.logprobs, raw.logprobs);
      const delta = isObject(raw.delta) ? raw.delta : {};
      if (typeof delta.role === 'string') choice.message.role = delta.role;
      if (typeof delta.content === 'string')
        choice.message.content = (choice.message.content ?? '') + delta.content;
      if (typeof delta.refusal === 'string')
        choice.message.refusal = (choice.message.refusal ?? '') + delta.refusal;
      if (Array.isArray(delta.tool_calls)) mergeToolCalls(choice.message, delta.tool_calls);
    }
  }

  return {
    id: first.id,
    object: 'chat.completion',
    created: first.created,
    model: first.model,
    choices: [...choices.values()].sort((a, b) => a.index - b.index),
    usage,
    ...(serviceTier !== undefined ? { service_tier: serviceTier } : {}),
    ...(fingerprint !== undefined ? { system_fingerprint: fingerprint } : {}),
  };
}

function mergeToolCalls(message: Choice['message'], deltas: unknown[]) {
  message.tool_calls ??= [];
  for (const raw of deltas) {
    if (!isObject(raw) || typeof raw.index !== 'number') continue;
    let call = message.tool_calls.find((c) => c.index === raw.index);
    if (!call) {
      call = { index: raw.index, function: { name: '', arguments: '' } };
      message.tool_calls.push(call);
    }
    if (typeof raw.id === 'string') call.id = raw.id;
    if (typeof raw.type === 'string') call.type = raw.type;
    const fn = isObject(raw.function) ? raw.function : {};
    if (typeof fn.name === 'string') call.function.name += fn.name;
    if (typeof fn.arguments === 'string') call.function.arguments += fn.arguments;
  }
}

function mergeLogprobs(previous: unknown, next: unknown): unknown {
  if (!isObject(next)) return previous;
  if (!isObject(previous)) return next;
  const merged: Json = { ...previous };
  for (const key of ['content', 'refusal']) {
    const a = previous[key];
    const b = next[key];
    if (Array.isArray(b)) merged[key] = [...(Array.isArray(a) ? a : []), ...b];
  }
  return merged;
}
