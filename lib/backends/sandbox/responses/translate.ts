import { randomBytes } from 'node:crypto';
import type {
  ChatCompletionContentPart,
  ChatCompletionCreateParams,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions/completions';
import { ApiError } from '@/lib/errors';

/**
 * The sandbox answers a Responses request with the same engine as chat completions (validation, replies,
 * recordings, tools, strict schemas, JSON generation, tokenizer, prompt cache): the request is translated to its
 * Chat Completions equivalent (FACTS-COURSE 8a), answered, and the answer is shaped back as a Response. What has
 * no equivalent in the sandbox (built-in tools, files, item references) is refused with a 400 saying so.
 */

/** A conversation item as the sandbox stores and replays it: always with an id, as `input_items` lists them. */
export type StoredItem = Record<string, unknown> & { id: string; type: string };

/** What the sandbox reads of a `POST /responses` body (the proxy's schema has checked shapes and ranges). */
export interface ResponsesBody {
  model: string;
  input?: string | Record<string, unknown>[];
  instructions?: string | null;
  max_output_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  text?: { format?: Record<string, unknown> | null; verbosity?: string | null } | null;
  tools?: Record<string, unknown>[] | null;
  tool_choice?: string | Record<string, unknown> | null;
  parallel_tool_calls?: boolean | null;
  metadata?: Record<string, string> | null;
  store?: boolean | null;
  stream?: boolean | null;
  previous_response_id?: string | null;
  prompt_cache_key?: string | null;
  user?: string | null;
  [key: string]: unknown;
}

export const newId = (prefix: string) => `${prefix}_sandbox${randomBytes(12).toString('hex')}`;

/** The sandbox's own limit, in its own words, pointing at the upstream where the feature exists. */
const noSuch = (what: string, param: string) =>
  new ApiError(
    400,
    `The sandbox has no ${what}: it runs function tools and text only. It works with your own API key, upstream.`,
    { param, code: 'unsupported_value' },
  );

const textOfParts = (content: unknown): string => {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: { type?: unknown; text?: unknown; refusal?: unknown }) =>
      typeof part?.text === 'string' ? part.text : typeof part?.refusal === 'string' ? part.refusal : '',
    )
    .join('');
};

/**
 * The request's `input` as stored items: a string is one user message; a message's string content becomes one
 * `input_text` part (as `input_items` returns it); every item gets an id.
 */
export function normalizeInput(input: ResponsesBody['input']): StoredItem[] {
  if (input === undefined) return [];
  if (typeof input === 'string')
    return [{ id: newId('msg'), type: 'message', role: 'user', content: [{ type: 'input_text', text: input }], status: 'completed' }];
  return input.map((item, i) => {
    const type = typeof item.type === 'string' ? item.type : 'message';
    if (type === 'message') {
      const role = item.role as string;
      const text = role === 'assistant' ? 'output_text' : 'input_text';
      const content =
        typeof item.content === 'string'
          ? [role === 'assistant' ? { type: text, text: item.content, annotations: [], logprobs: [] } : { type: text, text: item.content }]
          : item.content;
      return { ...item, id: typeof item.id === 'string' ? item.id : newId('msg'), type, content, status: 'completed' };
    }
    if (type === 'function_call_output')
      return { ...item, id: typeof item.id === 'string' ? item.id : newId('fco'), type, status: 'completed' };
    if (type === 'function_call')
      return { ...item, id: typeof item.id === 'string' ? item.id : newId('fc'), type, status: 'completed' };
    if (type === 'reasoning') return { ...item, id: String(item.id ?? newId('rs')), type };
    throw noSuch(`'${type}' input item`, `input[${i}].type`);
  });
}

function partsOf(content: unknown, path: string): string | ChatCompletionContentPart[] {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: Record<string, unknown>, j): ChatCompletionContentPart => {
    if (part.type === 'input_text' || part.type === 'output_text') return { type: 'text', text: String(part.text ?? '') };
    if (part.type === 'refusal') return { type: 'text', text: String(part.refusal ?? '') };
    if (part.type === 'input_image' && typeof part.image_url === 'string')
      return { type: 'image_url', image_url: { url: part.image_url, detail: (part.detail as 'auto') ?? 'auto' } };
    throw noSuch(`'${String(part.type)}' content part reader`, `${path}[${j}].type`);
  });
}

/** Stored items (the earlier turns, then this request's input) as chat messages. */
export function toMessages(items: readonly StoredItem[], instructions: string | null | undefined): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = [];
  if (instructions) messages.push({ role: 'developer', content: instructions });
  let calls: ChatCompletionMessageToolCall[] | null = null;
  for (const [i, item] of items.entries()) {
    if (item.type === 'function_call') {
      if (!calls) {
        calls = [];
        messages.push({ role: 'assistant', content: null, tool_calls: calls });
      }
      calls.push({ id: String(item.call_id), type: 'function', function: { name: String(item.name), arguments: String(item.arguments ?? '') } });
      continue;
    }
    calls = null;
    if (item.type === 'function_call_output') {
      messages.push({ role: 'tool', tool_call_id: String(item.call_id), content: textOfParts(item.output) });
    } else if (item.type === 'message') {
      const role = item.role as 'user' | 'assistant' | 'system' | 'developer';
      if (role === 'assistant') messages.push({ role, content: textOfParts(item.content) });
      else if (role === 'user') messages.push({ role, content: partsOf(item.content, `input[${i}].content`) });
      else messages.push({ role, content: textOfParts(item.content) });
    }
    // Reasoning items carry nothing the sandbox reads.
  }
  return messages;
}

/** The built-in tool types of the spec (FACTS-COURSE X17): none of them exists in the sandbox. */
function toChatTools(tools: ResponsesBody['tools']): ChatCompletionTool[] | undefined {
  if (!tools?.length) return undefined;
  return tools.map((tool, i) => {
    if (tool.type !== 'function') throw noSuch(`'${String(tool.type)}' tool`, `tools[${i}].type`);
    return {
      type: 'function',
      function: {
        name: String(tool.name),
        ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
        ...(tool.parameters != null ? { parameters: tool.parameters as Record<string, unknown> } : {}),
        ...(tool.strict != null ? { strict: Boolean(tool.strict) } : {}),
      },
    };
  });
}

function toChatToolChoice(choice: ResponsesBody['tool_choice']): ChatCompletionToolChoiceOption | undefined {
  if (choice == null) return undefined;
  if (typeof choice === 'string') return choice as 'auto';
  if (choice.type === 'function') return { type: 'function', function: { name: String(choice.name) } };
  if (choice.type === 'allowed_tools') {
    const tools = (choice.tools as { type?: string; name?: string }[]) ?? [];
    return {
      type: 'allowed_tools',
      allowed_tools: {
        mode: choice.mode as 'auto',
        tools: tools.map((t) => (t.type === 'function' ? { type: 'function', function: { name: t.name } } : t)),
      },
    };
  }
  throw noSuch(`'${String(choice.type)}' tool to choose`, 'tool_choice.type');
}

function toResponseFormat(format: Record<string, unknown> | null | undefined): ChatCompletionCreateParams['response_format'] {
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_object') return { type: 'json_object' };
  if (format.type === 'json_schema') {
    return {
      type: 'json_schema',
      json_schema: {
        name: String(format.name),
        ...(format.schema != null ? { schema: format.schema as Record<string, unknown> } : {}),
        ...(format.strict != null ? { strict: Boolean(format.strict) } : {}),
        ...(typeof format.description === 'string' ? { description: format.description } : {}),
      },
    };
  }
  throw noSuch(`'${String(format.type)}' text format`, 'text.format.type');
}

/** The Chat Completions request the sandbox engine answers for this Responses request. */
export function toChatRequest(body: ResponsesBody, items: readonly StoredItem[]): ChatCompletionCreateParams {
  if (body.conversation != null) throw noSuch('Conversations API', 'conversation');
  if (body.background) throw noSuch('background mode', 'background');
  if (body.prompt != null) throw noSuch('stored prompts', 'prompt');
  const tools = toChatTools(body.tools);
  const choice = toChatToolChoice(body.tool_choice);
  const format = toResponseFormat(body.text?.format ?? undefined);
  return {
    model: body.model,
    messages: toMessages(items, body.instructions),
    ...(body.max_output_tokens != null ? { max_completion_tokens: body.max_output_tokens } : {}),
    ...(body.temperature != null ? { temperature: body.temperature } : {}),
    ...(body.top_p != null ? { top_p: body.top_p } : {}),
    ...(tools ? { tools } : {}),
    ...(choice && tools ? { tool_choice: choice } : {}),
    ...(body.parallel_tool_calls != null ? { parallel_tool_calls: body.parallel_tool_calls } : {}),
    ...(format ? { response_format: format } : {}),
    ...(body.prompt_cache_key ? { prompt_cache_key: body.prompt_cache_key } : {}),
  };
}

/**
 * An error of the chat engine in the Responses API's names: `messages` is `input`, a cap is `max_output_tokens`,
 * a response format is `text.format`, a tool's parameters are the flat `tools[i].parameters`. Strict-schema
 * problems in a text format carry `invalid_json_schema`, as Responses reports them (see `validate.ts`).
 */
export function inResponsesTerms(error: ApiError): ApiError {
  const rename = (s: string) =>
    s
      .replace(/\bmax_completion_tokens\b/g, 'max_output_tokens')
      .replace(/\bresponse_format\.json_schema\.schema\b/g, 'text.format.schema')
      .replace(/\bresponse_format\b/g, 'text.format')
      .replace(/\bmessages\.?\[(\d+)\]/g, 'input[$1]')
      .replace(/'messages'/g, "'input'")
      .replace(/^messages$/, 'input')
      .replace(/\.function\.parameters\b/g, '.parameters');
  const param = error.param == null ? null : rename(error.param);
  const code = error.param === 'response_format' && error.code === null ? 'invalid_json_schema' : error.code;
  return new ApiError(error.status, rename(error.message), { type: error.type, param, code, headers: error.headers });
}

/** The 400 for a `previous_response_id` the caller cannot continue from. */
export function previousNotFound(id: string): ApiError {
  // Status, code and wording as reported from the API (maximhq/bifrost#2441 quotes the raw body); not in the spec.
  return new ApiError(400, `Previous response with id '${id}' not found.`, {
    param: 'previous_response_id',
    code: 'previous_response_not_found',
  });
}

/** The 404 for a response id the caller cannot see (someone else's, deleted, expired, never stored). */
export function responseNotFound(id: string): ApiError {
  // The sandbox's wording: the API's exact text for this case was not found in a primary source.
  return new ApiError(404, `No response found with id '${id}'.`, { param: 'response_id', code: 'not_found' });
}
