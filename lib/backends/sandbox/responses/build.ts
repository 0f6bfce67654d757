import type { SandboxCompletion } from '../complete';
import { newId, type ResponsesBody } from './translate';
import { tokenPieces, tokenize } from '@/lib/models/tokenizer';

/**
 * The sandbox's answer shaped as a Response (spec `Response`) and as its stream of events (FACTS-COURSE X14):
 * one `message` item (an `output_text` or a `refusal` part) or one `function_call` item per call. The sandbox
 * never reasons, so there is no `reasoning` item and `reasoning_tokens` is 0.
 */
export type ResponseObject = Record<string, unknown> & {
  id: string;
  status: 'completed' | 'incomplete' | 'in_progress';
  output: Record<string, unknown>[];
};

/** The tools as the Response echoes them: `parameters` and `strict` are required (nullable) in `FunctionTool`. */
function echoTools(tools: ResponsesBody['tools']) {
  return (tools ?? []).map((t) => ({
    type: 'function',
    name: t.name,
    description: t.description ?? null,
    parameters: t.parameters ?? null,
    strict: t.strict ?? null,
  }));
}

export function toResponse(body: ResponsesBody, completion: SandboxCompletion, id = newId('resp')): ResponseObject {
  const choice = completion.choices[0]!;
  const incomplete = choice.finishReason === 'length';
  const itemStatus = incomplete ? 'incomplete' : 'completed';
  const output: Record<string, unknown>[] = [];
  if (choice.toolCalls) {
    for (const call of choice.toolCalls) {
      output.push({ id: newId('fc'), type: 'function_call', status: 'completed', arguments: call.arguments, call_id: call.id, name: call.name });
    }
  } else {
    const part =
      choice.refusal != null
        ? { type: 'refusal', refusal: choice.refusal }
        : { type: 'output_text', text: choice.content ?? '', annotations: [], logprobs: [] };
    output.push({ id: newId('msg'), type: 'message', status: itemStatus, role: 'assistant', content: [part] });
  }
  const usage = completion.usage;
  return {
    id,
    object: 'response',
    created_at: completion.created,
    status: incomplete ? 'incomplete' : 'completed',
    ...(incomplete ? {} : { completed_at: Math.floor(Date.now() / 1000) }),
    background: false,
    error: null,
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    max_tool_calls: null,
    model: body.model,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    prompt_cache_key: body.prompt_cache_key ?? null,
    reasoning: { effort: null, summary: null },
    safety_identifier: null,
    service_tier: 'default',
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: { format: body.text?.format ?? { type: 'text' }, verbosity: body.text?.verbosity ?? 'medium' },
    tool_choice: body.tool_choice ?? 'auto',
    tools: echoTools(body.tools),
    top_logprobs: 0,
    top_p: body.top_p ?? 1,
    truncation: 'disabled',
    usage: {
      input_tokens: usage.prompt_tokens,
      input_tokens_details: { cached_tokens: usage.prompt_tokens_details?.cached_tokens ?? 0, cache_write_tokens: 0 },
      output_tokens: usage.completion_tokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: usage.total_tokens,
    },
    ...(body.user ? { user: body.user } : {}),
    metadata: body.metadata ?? {},
  };
}

/** Token-sized pieces of a text, as the stream sends them. */
const piecesOf = (text: string) => tokenPieces(tokenize(text));

/**
 * The stream, event by event, each with its `sequence_number`: `response.created`, `response.in_progress`, then
 * per output item `output_item.added`, its part or argument events, `output_item.done`, and last
 * `response.completed` or `response.incomplete` with the whole Response.
 */
export function* responseEvents(response: ResponseObject): Generator<Record<string, unknown>> {
  let sequence = 0;
  const event = (type: string, fields: Record<string, unknown>) => ({ type, ...fields, sequence_number: sequence++ });
  // Not yet known while in progress: `usage` and `completed_at` are left out (neither is required, nor nullable).
  const start: Record<string, unknown> = { ...response, status: 'in_progress', output: [], incomplete_details: null };
  delete start.usage;
  delete start.completed_at;
  yield event('response.created', { response: start });
  yield event('response.in_progress', { response: start });
  for (const [output_index, item] of response.output.entries()) {
    const item_id = item.id as string;
    if (item.type === 'function_call') {
      const args = String(item.arguments);
      yield event('response.output_item.added', { output_index, item: { ...item, arguments: '', status: 'in_progress' } });
      for (const delta of piecesOf(args))
        yield event('response.function_call_arguments.delta', { item_id, output_index, delta });
      yield event('response.function_call_arguments.done', { item_id, name: item.name, output_index, arguments: args });
      yield event('response.output_item.done', { output_index, item });
      continue;
    }
    const part = (item.content as Record<string, unknown>[])[0]!;
    const refusal = part.type === 'refusal';
    const text = String(refusal ? part.refusal : part.text);
    const emptyPart = refusal ? { type: 'refusal', refusal: '' } : { ...part, text: '' };
    const at = { item_id, output_index, content_index: 0 };
    yield event('response.output_item.added', { output_index, item: { ...item, status: 'in_progress', content: [] } });
    yield event('response.content_part.added', { ...at, part: emptyPart });
    for (const delta of piecesOf(text))
      yield event(refusal ? 'response.refusal.delta' : 'response.output_text.delta', refusal ? { ...at, delta } : { ...at, delta, logprobs: [] });
    yield event(refusal ? 'response.refusal.done' : 'response.output_text.done', refusal ? { ...at, refusal: text } : { ...at, text, logprobs: [] });
    yield event('response.content_part.done', { ...at, part });
    yield event('response.output_item.done', { output_index, item });
  }
  yield event(response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response });
}
