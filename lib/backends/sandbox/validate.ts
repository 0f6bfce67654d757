import type {
  ChatCompletionCreateParams,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions/completions';
import { ApiError, apiErrors } from '@/lib/errors';
import { findModel, type ModelInfo } from '@/lib/models/catalog';
import { textOf } from '@/lib/models/tokenizer';
import { strictSchemaProblem, type JsonSchema } from './strict-schema';

/**
 * The checks the API makes once it knows the model, in the API's words: unknown model, a parameter the model
 * rejects (reasoning models: FACTS-COURSE P13, P15 to P18), a cap above the model's output ceiling, input plus cap
 * over the context window, JSON mode without the word "json" (J6), a strict schema strict mode refuses (J2 to J4),
 * more than 128 tools (F7), a tool choice naming no offered tool, and tool messages that do not answer the calls
 * before them (F5). Shape and range checks happen earlier, in the route's zod schema.
 */

/** The most tools one request may carry (FACTS-COURSE F7, reported). */
export const MAX_TOOLS = 128;

const unsupportedParameter = (param: string) =>
  apiErrors.badRequest(
    `Unsupported parameter: '${param}' is not supported with this model.`,
    param,
    'unsupported_parameter',
  );

function checkModelParameters(request: ChatCompletionCreateParams, model: ModelInfo): void {
  if (request.max_tokens != null && !model.acceptsMaxTokens) {
    throw apiErrors.badRequest(
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      'max_tokens',
      'unsupported_parameter',
    );
  }
  const rejects = new Set(model.rejects);
  if (rejects.has('temperature') && request.temperature != null && request.temperature !== 1) {
    throw apiErrors.badRequest(
      `Unsupported value: 'temperature' does not support ${request.temperature} with this model. Only the default (1) value is supported.`,
      'temperature',
      'unsupported_value',
    );
  }
  if (rejects.has('stop') && request.stop != null) throw unsupportedParameter('stop');
  for (const param of ['presence_penalty', 'frequency_penalty'] as const) {
    if (rejects.has(param) && request[param] != null) throw unsupportedParameter(param);
  }
  if (rejects.has('logprobs') && request.logprobs === true) {
    // 403 with code null, as reported (P18); the `type` is not in the report, so this one keeps the default.
    throw new ApiError(403, 'You are not allowed to request logprobs from this model', {
      param: null,
      code: null,
    });
  }
}

/**
 * Every assistant message with `tool_calls` must be followed by one `tool` message per call, and every `tool`
 * message must answer a call of the assistant message before it. Wording and `param` as reported (F5).
 */
function checkToolMessages(messages: readonly ChatCompletionMessageParam[]): void {
  let open: { index: number; ids: Set<string> } | null = null;
  const unanswered = () =>
    apiErrors.badRequest(
      `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...open!.ids].join(', ')}`,
      `messages.[${open!.index}].role`,
      null,
    );
  let answerable = new Set<string>();
  for (const [i, message] of messages.entries()) {
    if (message.role === 'tool') {
      if (!answerable.has(message.tool_call_id)) {
        throw apiErrors.badRequest(
          "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          `messages.[${i}].role`,
          null,
        );
      }
      open?.ids.delete(message.tool_call_id);
      continue;
    }
    if (open && open.ids.size) throw unanswered();
    open = null;
    answerable = new Set();
    if (message.role === 'assistant' && message.tool_calls?.length) {
      answerable = new Set(message.tool_calls.map((call) => call.id));
      open = { index: i, ids: new Set(answerable) };
    }
  }
  if (open && open.ids.size) throw unanswered();
}

function checkTools(request: ChatCompletionCreateParams): void {
  const tools = request.tools ?? [];
  if (tools.length > MAX_TOOLS) {
    throw apiErrors.badRequest(
      `Invalid 'tools': array too long. Expected an array with maximum length ${MAX_TOOLS}, but got an array with length ${tools.length} instead.`,
      'tools',
      'array_above_max_length',
    );
  }
  for (const [i, tool] of tools.entries()) {
    if (tool.type !== 'function') {
      // The sandbox's own limit, in its own words.
      throw new ApiError(
        400,
        `The sandbox model supports function tools only; tools[${i}] is of type '${tool.type}'. Use a live model for custom tools.`,
        { param: `tools[${i}].type`, code: 'unsupported_value' },
      );
    }
    const fn = tool.function;
    if (fn.strict && fn.parameters) {
      const problem = strictSchemaProblem(fn.parameters as JsonSchema);
      if (problem) {
        throw apiErrors.badRequest(
          `Invalid schema for function '${fn.name}': ${problem}`,
          `tools[${i}].function.parameters`,
          'invalid_function_parameters',
        );
      }
    }
  }
  const choice = request.tool_choice;
  if (choice != null && !tools.length) {
    throw apiErrors.badRequest(
      "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
      'tool_choice',
      null,
    );
  }
  if (choice && typeof choice === 'object' && choice.type === 'function') {
    const named = choice.function.name;
    if (!tools.some((t) => t.type === 'function' && t.function.name === named)) {
      throw apiErrors.badRequest(
        `Invalid value for 'tool_choice': tool '${named}' is not one of the functions in 'tools'.`,
        'tool_choice',
        'invalid_value',
      );
    }
  }
  if (choice && typeof choice === 'object' && choice.type === 'allowed_tools') {
    const offered = new Set(tools.map((t) => (t.type === 'function' ? t.function.name : t.custom.name)));
    for (const allowed of choice.allowed_tools.tools) {
      const name = (allowed as { function?: { name?: unknown } }).function?.name;
      if (typeof name !== 'string' || !offered.has(name)) {
        // Sandbox wording.
        throw apiErrors.badRequest(
          `Invalid value for 'tool_choice': allowed tool ${JSON.stringify(name ?? allowed)} is not one of the functions in 'tools'.`,
          'tool_choice',
          'invalid_value',
        );
      }
    }
  }
}

export function validateForModel(request: ChatCompletionCreateParams, promptTokens: number): ModelInfo {
  const model = findModel(request.model);
  if (!model) throw apiErrors.modelNotFound(request.model);
  checkModelParameters(request, model);
  // The request's own shape first (tool messages, formats, tools), then what it costs.
  checkToolMessages(request.messages);

  const format = request.response_format;
  if (format?.type === 'json_object') {
    const mentionsJson = request.messages.some((m) => /json/i.test(textOf(m.content)));
    if (!mentionsJson) {
      throw apiErrors.badRequest(
        "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
        'messages',
        null,
      );
    }
  }
  if (format?.type === 'json_schema' && format.json_schema.strict && format.json_schema.schema) {
    const problem = strictSchemaProblem(format.json_schema.schema as JsonSchema);
    if (problem) {
      // Chat Completions reports these with `code: null` (public reports); Responses uses `invalid_json_schema`.
      throw apiErrors.badRequest(
        `Invalid schema for response_format '${format.json_schema.name}': ${problem}`,
        'response_format',
        null,
      );
    }
  }
  checkTools(request);

  const capParam = request.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens';
  const cap = request.max_completion_tokens ?? request.max_tokens ?? null;
  if (cap != null && cap > model.maxOutputTokens) {
    throw apiErrors.badRequest(
      `${capParam} is too large: ${cap}. This model supports at most ${model.maxOutputTokens} completion tokens, whereas you provided ${cap}.`,
      capParam,
      'invalid_value',
    );
  }
  if (promptTokens + (cap ?? 0) > model.contextWindow) {
    throw apiErrors.badRequest(
      cap != null
        ? `This model's maximum context length is ${model.contextWindow} tokens. However, you requested ${promptTokens + cap} tokens (${promptTokens} in the messages, ${cap} in the completion). Please reduce the length of the messages or completion.`
        : `This model's maximum context length is ${model.contextWindow} tokens. However, your messages resulted in ${promptTokens} tokens. Please reduce the length of the messages.`,
      'messages',
      'context_length_exceeded',
    );
  }

  return model;
}
