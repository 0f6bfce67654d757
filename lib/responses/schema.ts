import { z } from 'zod';
import { FIELD_CAPS } from '@/lib/proxy/chat-schema';

/**
 * `POST /api/v1/responses` request body, with the spec's names and ranges (`CreateResponse`). Two strengths:
 *
 * - `responsesRequestSchema` (the sandbox, and runs on Tokenwise's own key): every parameter the spec names, each
 *   checked; unknown parameters refused, as the API refuses them. Item and tool types the sandbox lacks pass the
 *   schema so the sandbox can say plainly that it lacks them.
 * - `passThroughRequestSchema` (a learner's own key, upstream): the few fields the proxy itself reads are checked;
 *   everything else goes upstream unchanged for the API to judge, so new parameters work the day they ship.
 *
 * Both cap every string the proxy may tokenize; this deployment's own caps follow in `limits.ts`.
 */
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const text = z.string().max(FIELD_CAPS.text);
const label = z.string().max(FIELD_CAPS.label);
const id = z.string().max(FIELD_CAPS.name);

/** The spec's `Metadata`: up to 16 pairs, keys up to 64 characters, values up to 512. */
const metadata = z
  .record(z.string().max(64), z.string().max(512))
  .refine((m) => Object.keys(m).length <= 16, { message: 'Metadata may have at most 16 keys.' });

const inputPart = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('input_text'), text }),
  z.strictObject({
    type: z.literal('input_image'),
    image_url: nullable(z.string().max(FIELD_CAPS.data)),
    file_id: nullable(label),
    detail: z.enum(['auto', 'low', 'high', 'original']).optional(),
  }),
  z.strictObject({
    type: z.literal('input_file'),
    file_id: nullable(label),
    file_data: z.string().max(FIELD_CAPS.data).optional(),
    file_url: z.string().max(FIELD_CAPS.data).optional(),
    filename: label.optional(),
  }),
  z.strictObject({ type: z.literal('output_text'), text, annotations: z.array(z.unknown()).max(1_000).optional(), logprobs: z.array(z.unknown()).max(100_000).optional() }),
  z.strictObject({ type: z.literal('refusal'), refusal: text }),
]);

const message = z.strictObject({
  type: z.literal('message').optional(),
  id: id.optional(),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([text, z.array(inputPart).max(1_000)]),
  status: z.enum(['in_progress', 'completed', 'incomplete']).optional(),
  phase: nullable(z.enum(['commentary', 'final_answer'])),
});

/** The spec's function-call items (FACTS-COURSE X10): `call_id` 1 to 64 characters, `output` up to 10,485,760. */
const ITEM_SCHEMAS: Record<string, z.ZodType> = {
  message,
  function_call: z.strictObject({
    type: z.literal('function_call'),
    id: id.optional(),
    call_id: z.string().min(1).max(64),
    name: id,
    arguments: text,
    namespace: id.optional(),
    status: z.enum(['in_progress', 'completed', 'incomplete']).optional(),
  }),
  function_call_output: z.strictObject({
    type: z.literal('function_call_output'),
    id: nullable(id),
    call_id: z.string().min(1).max(64),
    output: z.union([z.string().max(10_485_760), z.array(inputPart).max(1_000)]),
    status: nullable(z.enum(['in_progress', 'completed', 'incomplete'])),
  }),
};

/**
 * One input item: the types above are checked field by field; any other `type` (built-in tool calls, reasoning,
 * item references) passes with its fields as sent, for the backend to accept or refuse.
 */
const inputItem = z.looseObject({ type: z.string().max(64).optional() }).superRefine((item, ctx) => {
  const schema = ITEM_SCHEMAS[item.type ?? 'message'];
  if (!schema) return;
  const parsed = schema.safeParse(item);
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue } as never);
});

const functionTool = z.strictObject({
  type: z.literal('function'),
  name: z.string().min(1).max(64).regex(/^[a-zA-Z0-9_-]+$/),
  description: nullable(z.string().max(FIELD_CAPS.description)),
  parameters: nullable(z.record(z.string(), z.unknown())),
  strict: nullable(z.boolean()),
  defer_loading: z.boolean().optional(),
});

/** A function tool is checked; a built-in one (`web_search`, ...) passes for the backend to run or refuse. */
const tool = z.looseObject({ type: z.string().max(64) }).superRefine((t, ctx) => {
  if (t.type !== 'function') return;
  const parsed = functionTool.safeParse(t);
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue } as never);
});

const toolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.strictObject({ type: z.literal('function'), name: id }),
  z.strictObject({
    type: z.literal('allowed_tools'),
    mode: z.enum(['auto', 'required']),
    tools: z.array(z.looseObject({ type: z.string().max(64), name: id.optional() })).max(FIELD_CAPS.tools),
  }),
  z.looseObject({ type: z.string().max(64) }),
]);

const format = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text') }),
  z.strictObject({ type: z.literal('json_object') }),
  z.strictObject({
    type: z.literal('json_schema'),
    name: z.string().min(1).max(64).regex(/^[a-zA-Z0-9_-]+$/),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().max(FIELD_CAPS.description).optional(),
    strict: nullable(z.boolean()),
  }),
]);

export const responsesRequestSchema = z.strictObject({
  model: label,
  input: z.union([text, z.array(inputItem).max(10_000)]).optional(),
  instructions: nullable(text),
  previous_response_id: nullable(label),
  conversation: nullable(z.union([label, z.strictObject({ id: label })])),
  max_output_tokens: nullable(z.number().int().min(16)),
  max_tool_calls: nullable(z.number().int().min(1)),
  temperature: nullable(z.number().min(0).max(2)),
  top_p: nullable(z.number().min(0).max(1)),
  top_logprobs: nullable(z.number().int().min(0).max(20)),
  text: z
    .strictObject({ format: format.optional(), verbosity: nullable(z.enum(['low', 'medium', 'high'])) })
    .optional(),
  tools: z.array(tool).max(FIELD_CAPS.tools).optional(),
  tool_choice: toolChoice.optional(),
  parallel_tool_calls: nullable(z.boolean()),
  metadata: nullable(metadata),
  store: nullable(z.boolean()),
  stream: nullable(z.boolean()),
  stream_options: nullable(z.strictObject({ include_obfuscation: z.boolean().optional() })),
  background: nullable(z.boolean()),
  include: nullable(z.array(z.string().max(128)).max(32)),
  // Objects the sandbox ignores and the spec keeps growing: checked as objects, their fields left to the API.
  reasoning: nullable(z.looseObject({ effort: nullable(z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'])) })),
  context_management: nullable(z.array(z.looseObject({})).max(16)),
  moderation: nullable(z.looseObject({})),
  prompt_cache_options: nullable(z.looseObject({})),
  truncation: nullable(z.enum(['auto', 'disabled'])),
  service_tier: nullable(label),
  prompt_cache_key: label.optional(),
  prompt_cache_retention: nullable(label),
  safety_identifier: label.optional(),
  user: label.optional(),
  prompt: nullable(z.looseObject({ id: label })),
});

export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;

/** Own keys: the fields the proxy reads, checked and capped; the rest passes through as sent. */
export const passThroughRequestSchema = z.looseObject({
  model: label,
  input: z.union([text, z.array(z.looseObject({})).max(10_000)]).optional(),
  instructions: nullable(text),
  max_output_tokens: nullable(z.number().int().min(16)),
  tools: z.array(z.looseObject({ type: z.string().max(64) })).max(FIELD_CAPS.tools).optional(),
  stream: nullable(z.boolean()),
  previous_response_id: nullable(label),
});

/** What both schemas give the proxy: the fields it reads, and everything else as sent. */
export type ResponsesBody = z.infer<typeof passThroughRequestSchema> & Partial<ResponsesRequest>;
