import { z } from 'zod';

/**
 * `POST /api/v1/chat/completions` request body: every parameter of `CreateChatCompletionRequest`, with the
 * ranges the API enforces. Unknown parameters are refused, as the API refuses them. Limits that depend on this
 * deployment's configuration (message count, lengths, caps) are checked afterwards, in `lib/proxy`.
 */
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const textPart = z.strictObject({ type: z.literal('text'), text: z.string() });
const refusalPart = z.strictObject({ type: z.literal('refusal'), refusal: z.string() });
const imagePart = z.strictObject({
  type: z.literal('image_url'),
  image_url: z.strictObject({ url: z.string(), detail: z.enum(['auto', 'low', 'high']).optional() }),
});
const audioPart = z.strictObject({
  type: z.literal('input_audio'),
  input_audio: z.strictObject({ data: z.string(), format: z.enum(['wav', 'mp3']) }),
});
const filePart = z.strictObject({
  type: z.literal('file'),
  file: z.strictObject({
    file_data: z.string().optional(),
    file_id: z.string().optional(),
    filename: z.string().optional(),
  }),
});

const textContent = z.union([z.string(), z.array(textPart).min(1)]);
const name = z.string().min(1).optional();

const toolCall = z.discriminatedUnion('type', [
  z.strictObject({
    id: z.string(),
    type: z.literal('function'),
    function: z.strictObject({ name: z.string(), arguments: z.string() }),
  }),
  z.strictObject({
    id: z.string(),
    type: z.literal('custom'),
    custom: z.strictObject({ name: z.string(), input: z.string() }),
  }),
]);

export const messageSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('developer'), content: textContent, name }),
  z.strictObject({ role: z.literal('system'), content: textContent, name }),
  z.strictObject({
    role: z.literal('user'),
    content: z.union([
      z.string(),
      z.array(z.discriminatedUnion('type', [textPart, imagePart, audioPart, filePart])).min(1),
    ]),
    name,
  }),
  z.strictObject({
    role: z.literal('assistant'),
    content: nullable(z.union([z.string(), z.array(z.discriminatedUnion('type', [textPart, refusalPart]))])),
    refusal: nullable(z.string()),
    name,
    tool_calls: z.array(toolCall).optional(),
    function_call: nullable(z.strictObject({ name: z.string(), arguments: z.string() })),
    audio: nullable(z.strictObject({ id: z.string() })),
    // Present on the message a response returned, which code commonly sends straight back.
    annotations: z.array(z.unknown()).optional(),
  }),
  z.strictObject({ role: z.literal('tool'), content: textContent, tool_call_id: z.string() }),
  z.strictObject({ role: z.literal('function'), content: z.string().nullable(), name: z.string() }),
]);

const functionName = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, {
  message: 'must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64',
});
const jsonSchemaObject = z.record(z.string(), z.unknown());

const responseFormat = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text') }),
  z.strictObject({ type: z.literal('json_object') }),
  z.strictObject({
    type: z.literal('json_schema'),
    json_schema: z.strictObject({
      name: functionName,
      description: z.string().optional(),
      schema: jsonSchemaObject.optional(),
      strict: nullable(z.boolean()),
    }),
  }),
]);

const tool = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('function'),
    function: z.strictObject({
      name: functionName,
      description: z.string().optional(),
      parameters: jsonSchemaObject.optional(),
      strict: nullable(z.boolean()),
    }),
  }),
  z.strictObject({
    type: z.literal('custom'),
    custom: z.strictObject({
      name: z.string(),
      description: z.string().optional(),
      format: jsonSchemaObject.optional(),
    }),
  }),
]);

const toolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('function'), function: z.strictObject({ name: z.string() }) }),
    z.strictObject({ type: z.literal('custom'), custom: z.strictObject({ name: z.string() }) }),
    z.strictObject({
      type: z.literal('allowed_tools'),
      allowed_tools: z.strictObject({ mode: z.enum(['auto', 'required']), tools: z.array(jsonSchemaObject) }),
    }),
  ]),
]);

export const chatCompletionRequestSchema = z
  .strictObject({
    model: z.string().min(1),
    messages: z.array(messageSchema).min(1),
    temperature: nullable(z.number().min(0).max(2)),
    top_p: nullable(z.number().min(0).max(1)),
    n: nullable(z.number().int().min(1).max(128)),
    stream: nullable(z.boolean()),
    stream_options: nullable(
      z.strictObject({ include_usage: z.boolean().optional(), include_obfuscation: z.boolean().optional() }),
    ),
    stop: nullable(z.union([z.string(), z.array(z.string()).max(4)])),
    max_tokens: nullable(z.number().int().min(1)),
    max_completion_tokens: nullable(z.number().int().min(1)),
    presence_penalty: nullable(z.number().min(-2).max(2)),
    frequency_penalty: nullable(z.number().min(-2).max(2)),
    logit_bias: nullable(z.record(z.string(), z.number().int().min(-100).max(100))),
    logprobs: nullable(z.boolean()),
    top_logprobs: nullable(z.number().int().min(0).max(20)),
    seed: nullable(z.number().int()),
    response_format: responseFormat.optional(),
    tools: z.array(tool).optional(),
    tool_choice: toolChoice.optional(),
    parallel_tool_calls: z.boolean().optional(),
    user: z.string().optional(),
    safety_identifier: z.string().optional(),
    prompt_cache_key: z.string().optional(),
    prompt_cache_retention: nullable(z.enum(['in_memory', '24h'])),
    prompt_cache_options: nullable(z.looseObject({})),
    metadata: nullable(z.record(z.string(), z.string())),
    store: nullable(z.boolean()),
    service_tier: nullable(z.enum(['auto', 'default', 'flex', 'scale', 'priority', 'fast'])),
    modalities: nullable(z.array(z.enum(['text', 'audio']))),
    audio: nullable(z.looseObject({})),
    verbosity: nullable(z.enum(['low', 'medium', 'high'])),
    reasoning_effort: nullable(z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'])),
    prediction: nullable(z.looseObject({})),
    web_search_options: z.looseObject({}).optional(),
    moderation: nullable(z.looseObject({})),
    functions: z.array(z.looseObject({ name: functionName })).optional(),
    function_call: z.union([z.enum(['none', 'auto']), z.strictObject({ name: z.string() })]).optional(),
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
