import { z } from 'zod';

/**
 * `POST /api/v1/chat/completions` request body: every parameter of `CreateChatCompletionRequest`, with the
 * ranges the API enforces, shaped so its output is the SDK's `ChatCompletionCreateParams` (a type-level test holds
 * it to that). Unknown parameters are refused, as the API refuses them.
 *
 * Every string has a cap, so no field can carry unbounded text to the tokenizer or the sandbox. Identifiers, labels
 * and descriptions have tight caps here. Prompt text (content, arguments, refusals) has only a backstop here: the
 * caps that bind are this deployment's, checked afterwards in `request-limits.ts` (characters per message, counting
 * its name and tool calls; characters per request; message count; n) under the body cap.
 */
export const FIELD_CAPS = {
  /** Prompt text: a content string or part, tool-call arguments, a refusal. A backstop (see above). */
  text: 1_000_000,
  /** A message's `name`, ids, tool and function names in calls. */
  name: 256,
  /** A tool's or a response schema's `description`. */
  description: 8_192,
  /** One stop sequence. */
  stop: 256,
  /** `user`, `safety_identifier`, `prompt_cache_key`, model ids. */
  label: 512,
  /** An image URL or a base64 file or audio (data URLs included). A backstop: the body cap binds first. */
  data: 20 * 1024 * 1024,
  /** Tools in one request. */
  tools: 128,
} as const;

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const text = z.string().max(FIELD_CAPS.text);
const label = z.string().max(FIELD_CAPS.label);
const id = z.string().max(FIELD_CAPS.name);

const textPart = z.strictObject({ type: z.literal('text'), text });
const refusalPart = z.strictObject({ type: z.literal('refusal'), refusal: text });
const imagePart = z.strictObject({
  type: z.literal('image_url'),
  image_url: z.strictObject({
    url: z.string().max(FIELD_CAPS.data),
    detail: z.enum(['auto', 'low', 'high']).optional(),
  }),
});
const audioPart = z.strictObject({
  type: z.literal('input_audio'),
  input_audio: z.strictObject({ data: z.string().max(FIELD_CAPS.data), format: z.enum(['wav', 'mp3']) }),
});
const filePart = z.strictObject({
  type: z.literal('file'),
  file: z.strictObject({
    file_data: z.string().max(FIELD_CAPS.data).optional(),
    file_id: label.optional(),
    filename: label.optional(),
  }),
});

const textContent = z.union([text, z.array(textPart).min(1)]);
const name = z.string().min(1).max(FIELD_CAPS.name).optional();

const toolCall = z.discriminatedUnion('type', [
  z.strictObject({
    id,
    type: z.literal('function'),
    function: z.strictObject({ name: id, arguments: text }),
  }),
  z.strictObject({
    id,
    type: z.literal('custom'),
    custom: z.strictObject({ name: id, input: text }),
  }),
]);

export const messageSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('developer'), content: textContent, name }),
  z.strictObject({ role: z.literal('system'), content: textContent, name }),
  z.strictObject({
    role: z.literal('user'),
    content: z.union([
      text,
      z.array(z.discriminatedUnion('type', [textPart, imagePart, audioPart, filePart])).min(1),
    ]),
    name,
  }),
  z.strictObject({
    role: z.literal('assistant'),
    content: nullable(z.union([text, z.array(z.discriminatedUnion('type', [textPart, refusalPart]))])),
    refusal: nullable(text),
    name,
    tool_calls: z.array(toolCall).max(FIELD_CAPS.tools).optional(),
    function_call: nullable(z.strictObject({ name: id, arguments: text })),
    audio: nullable(z.strictObject({ id })),
    // Present on the message a response returned, which code commonly sends straight back.
    annotations: z.array(z.unknown()).max(FIELD_CAPS.tools).optional(),
  }),
  z.strictObject({ role: z.literal('tool'), content: textContent, tool_call_id: id }),
  z.strictObject({ role: z.literal('function'), content: text.nullable(), name: id }),
]);

const functionName = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, {
  message: 'must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64',
});
/** A JSON Schema; its size is checked as JSON in `request-limits.ts`. */
const jsonSchemaObject = z.record(z.string().max(FIELD_CAPS.name), z.unknown());
const description = z.string().max(FIELD_CAPS.description).optional();

const responseFormat = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text') }),
  z.strictObject({ type: z.literal('json_object') }),
  z.strictObject({
    type: z.literal('json_schema'),
    json_schema: z.strictObject({
      name: functionName,
      description,
      schema: jsonSchemaObject.optional(),
      strict: nullable(z.boolean()),
    }),
  }),
]);

const customFormat = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text') }),
  z.strictObject({
    type: z.literal('grammar'),
    grammar: z.strictObject({
      definition: z.string().max(FIELD_CAPS.description),
      syntax: z.enum(['lark', 'regex']),
    }),
  }),
]);

const tool = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('function'),
    function: z.strictObject({
      name: functionName,
      description,
      parameters: jsonSchemaObject.optional(),
      strict: nullable(z.boolean()),
    }),
  }),
  z.strictObject({
    type: z.literal('custom'),
    custom: z.strictObject({ name: id, description, format: customFormat.optional() }),
  }),
]);

const toolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('function'), function: z.strictObject({ name: id }) }),
    z.strictObject({ type: z.literal('custom'), custom: z.strictObject({ name: id }) }),
    z.strictObject({
      type: z.literal('allowed_tools'),
      allowed_tools: z.strictObject({
        mode: z.enum(['auto', 'required']),
        tools: z.array(jsonSchemaObject).max(FIELD_CAPS.tools),
      }),
    }),
  ]),
]);

const moderationMode = nullable(z.strictObject({ mode: z.enum(['score', 'block']) }));

export const chatCompletionRequestSchema = z
  .strictObject({
    model: z.string().min(1).max(FIELD_CAPS.label),
    messages: z.array(messageSchema).min(1),
    temperature: nullable(z.number().min(0).max(2)),
    top_p: nullable(z.number().min(0).max(1)),
    n: nullable(z.number().int().min(1).max(128)),
    stream: nullable(z.boolean()),
    stream_options: nullable(
      z.strictObject({ include_usage: z.boolean().optional(), include_obfuscation: z.boolean().optional() }),
    ),
    stop: nullable(
      z.union([z.string().max(FIELD_CAPS.stop), z.array(z.string().max(FIELD_CAPS.stop)).max(4)]),
    ),
    max_tokens: nullable(z.number().int().min(1)),
    max_completion_tokens: nullable(z.number().int().min(1)),
    presence_penalty: nullable(z.number().min(-2).max(2)),
    frequency_penalty: nullable(z.number().min(-2).max(2)),
    logit_bias: nullable(
      z
        .record(
          z.string().regex(/^\d{1,7}$/, { message: 'must be a token id' }),
          z.number().int().min(-100).max(100),
        )
        .refine((bias) => Object.keys(bias).length <= 1024, { message: 'at most 1024 token ids' }),
    ),
    logprobs: nullable(z.boolean()),
    top_logprobs: nullable(z.number().int().min(0).max(20)),
    seed: nullable(z.number().int()),
    response_format: responseFormat.optional(),
    tools: z.array(tool).max(FIELD_CAPS.tools).optional(),
    tool_choice: toolChoice.optional(),
    parallel_tool_calls: z.boolean().optional(),
    user: label.optional(),
    safety_identifier: nullable(label),
    prompt_cache_key: nullable(label),
    prompt_cache_retention: nullable(z.enum(['in_memory', '24h'])),
    prompt_cache_options: z
      .strictObject({ mode: z.enum(['implicit', 'explicit']).optional(), ttl: z.literal('30m').optional() })
      .optional(),
    // Metadata: up to 16 pairs, keys up to 64 characters, values up to 512 (the API's own limits).
    metadata: nullable(
      z
        .record(z.string().max(64), z.string().max(512))
        .refine((m) => Object.keys(m).length <= 16, { message: 'at most 16 key-value pairs' }),
    ),
    store: nullable(z.boolean()),
    service_tier: nullable(z.enum(['auto', 'default', 'flex', 'scale', 'priority', 'fast'])),
    modalities: nullable(z.array(z.enum(['text', 'audio'])).max(2)),
    audio: nullable(
      z.strictObject({
        format: z.enum(['wav', 'aac', 'mp3', 'flac', 'opus', 'pcm16']),
        voice: z.union([z.string().max(FIELD_CAPS.name), z.strictObject({ id })]),
      }),
    ),
    verbosity: nullable(z.enum(['low', 'medium', 'high'])),
    reasoning_effort: nullable(z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'])),
    prediction: nullable(z.strictObject({ type: z.literal('content'), content: textContent })),
    web_search_options: z
      .strictObject({
        search_context_size: z.enum(['low', 'medium', 'high']).optional(),
        user_location: nullable(
          z.strictObject({
            type: z.literal('approximate'),
            approximate: z.strictObject({
              city: label.optional(),
              country: label.optional(),
              region: label.optional(),
              timezone: label.optional(),
            }),
          }),
        ),
      })
      .optional(),
    moderation: nullable(
      z.strictObject({
        model: label,
        policy: nullable(z.strictObject({ input: moderationMode, output: moderationMode })),
      }),
    ),
    functions: z
      .array(z.strictObject({ name: functionName, description, parameters: jsonSchemaObject.optional() }))
      .max(FIELD_CAPS.tools)
      .optional(),
    function_call: z.union([z.enum(['none', 'auto']), z.strictObject({ name: id })]).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.stream_options != null && !body.stream) {
      ctx.addIssue({
        code: 'custom',
        path: ['stream_options'],
        message: "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        params: { code: 'invalid_value' },
      });
    }
    if (body.top_logprobs != null && !body.logprobs) {
      ctx.addIssue({
        code: 'custom',
        path: ['top_logprobs'],
        message:
          "Invalid value for 'top_logprobs': 'logprobs' must be set to true when 'top_logprobs' is used.",
        params: { code: 'invalid_value' },
      });
    }
  });

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
