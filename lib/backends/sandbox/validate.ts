import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions/completions';
import { ApiError, apiErrors } from '@/lib/errors';
import { findModel, type ModelInfo } from '@/lib/models/catalog';
import { strictSchemaProblem, type JsonSchema } from './json-schema';
import { textOf } from '@/lib/models/tokenizer';

/**
 * The checks the API makes once it knows the model, in the API's words: unknown model, a parameter the model
 * rejects, a cap above the model's output ceiling, input plus cap over the context window, JSON mode without the
 * word "json", a strict schema strict mode refuses, a tool choice naming no offered tool.
 * Shape and range checks happen earlier, in the route's zod schema.
 */
export function validateForModel(request: ChatCompletionCreateParams, promptTokens: number): ModelInfo {
  const model = findModel(request.model);
  if (!model) throw apiErrors.modelNotFound(request.model);

  if (request.max_tokens != null && !model.acceptsMaxTokens) {
    throw apiErrors.badRequest(
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      'max_tokens',
      'unsupported_parameter',
    );
  }
  if (model.reasoning && request.temperature != null && request.temperature !== 1) {
    throw apiErrors.badRequest(
      `Unsupported value: 'temperature' does not support ${request.temperature} with this model. Only the default (1) value is supported.`,
      'temperature',
      'unsupported_value',
    );
  }

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
  if (format?.type === 'json_schema' && format.json_schema.strict) {
    const problem = strictSchemaProblem((format.json_schema.schema ?? {}) as JsonSchema);
    if (problem) {
      throw apiErrors.badRequest(
        `Invalid schema for response_format '${format.json_schema.name}': ${problem}`,
        'response_format',
        'invalid_json_schema',
      );
    }
  }

  const tools = request.tools ?? [];
  for (const [i, tool] of tools.entries()) {
    if (tool.type !== 'function') {
      throw new ApiError(
        400,
        `The sandbox model supports function tools only; tools[${i}] is of type '${tool.type}'. Use a live model for custom tools.`,
        {
          param: `tools[${i}].type`,
          code: 'unsupported_value',
        },
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
  return model;
}
