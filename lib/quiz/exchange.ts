import { z } from 'zod';
import { assembleStream } from '@/lib/runner/assemble';
import { MAX_EXCHANGES } from './wire-limits';

/**
 * One request and what came back, as the runner records it after a run (`tokenwise:run`, see
 * `components/runner/README.md`): the chat completion request body, then the response JSON, or the stream's
 * chunks. Only the fields the challenge rules read are checked; the rest is kept for the sandbox replay.
 */
export { MAX_EXCHANGES } from './wire-limits';

/**
 * A chat completion request (`messages`) or a Responses API request (`input`, `instructions`,
 * `previous_response_id`): which one is in `endpoint` beside it.
 */
export const chatRequestSchema = z.looseObject({
  model: z.string().min(1).max(100),
  messages: z.array(z.unknown()).min(1).max(64).optional(),
  input: z.unknown().optional(),
  previous_response_id: z.string().max(200).nullish(),
  n: z.number().int().min(1).max(8).nullish(),
  max_completion_tokens: z.number().int().nullish(),
  max_tokens: z.number().int().nullish(),
  stream: z.boolean().nullish(),
  response_format: z.looseObject({ type: z.string() }).nullish(),
});

const contentOf = z.string().nullish();

const responseSchema = z.looseObject({
  object: z.literal('chat.completion'),
  choices: z
    .array(
      z.looseObject({
        index: z.number().int().min(0),
        message: z.looseObject({ content: contentOf }),
        finish_reason: z.string().nullish(),
      }),
    )
    .max(128),
});

const chunkSchema = z.looseObject({
  object: z.literal('chat.completion.chunk'),
  choices: z
    .array(
      z.looseObject({
        index: z.number().int().min(0),
        delta: z.looseObject({ content: contentOf }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .max(128),
});

/** Request headers a run may report: the error drill it carried and the SDK's retry counter. Nothing else is kept. */
const requestHeadersSchema = z
  .object({
    'x-tokenwise-drill': z.string().max(20).optional(),
    'x-stainless-retry-count': z.string().max(4).optional(),
  })
  .strip();

export const ENDPOINTS = ['chat.completions', 'responses'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export const runExchangeSchema = z.object({
  /** `POST /chat/completions` (the default) or `POST /responses`. */
  endpoint: z.enum(ENDPOINTS).default('chat.completions'),
  request: chatRequestSchema,
  requestHeaders: requestHeadersSchema.optional(),
  // null: no response arrived (a dropped connection).
  status: z.number().int().min(0).max(999).nullable(),
  response: z.unknown().optional(),
  chunks: z.array(z.unknown()).max(20_000).optional(),
});

/** `POST /api/quiz/challenges`: the exchanges of the learner's last run of a lesson's example. */
export const runCheckRequestSchema = z
  .object({
    lesson: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .max(80),
    // A run's exchanges are checked one by one, and one that is not well formed is left out rather than failing the
    // whole check: the others may still pass a challenge.
    exchanges: z
      .array(z.unknown())
      .max(MAX_EXCHANGES)
      .transform((list) =>
        list.flatMap((exchange) => {
          const parsed = runExchangeSchema.safeParse(exchange);
          return parsed.success ? [parsed.data] : [];
        }),
      ),
    /** How the program ended: an error it did not catch makes it `failed`. */
    outcome: z.enum(['completed', 'failed', 'stopped', 'timed-out']).optional(),
  })
  .strict();

export type ChatRequest = z.infer<typeof chatRequestSchema>;
export type RunExchange = z.infer<typeof runExchangeSchema>;

/** What a completion came back as, whether whole or streamed: the shape every challenge rule reads. */
export interface ReceivedCompletion {
  /** The whole `chat.completion` (a stream put back together), for rules that read any field of it. */
  completion: Record<string, unknown>;
  streamed: boolean;
  /** Streamed pieces that carried text. */
  contentChunks: number;
  choices: { index: number; content: string | null; finishReason: string | null }[];
}

const responseObjectSchema = z.looseObject({
  object: z.literal('response'),
  status: z.string().nullish(),
  output: z.array(z.unknown()).max(1_000),
});

/** The text of a Response as the SDK's `output_text` joins it: every `output_text` part of every `message` item. */
function outputText(output: unknown[]): string | null {
  const parts = output.flatMap((item) => {
    const message = item as { type?: unknown; content?: unknown };
    if (message.type !== 'message' || !Array.isArray(message.content)) return [];
    return message.content.flatMap((part: { type?: unknown; text?: unknown }) =>
      part?.type === 'output_text' && typeof part.text === 'string' ? [part.text] : [],
    );
  });
  return parts.length ? parts.join('') : null;
}

/** A Response, whole or from its stream's final event, in the shape the rules read (`status` as a finish reason). */
function assembleResponse(exchange: Pick<RunExchange, 'response' | 'chunks'>): ReceivedCompletion | null {
  let deltas = 0;
  let final: unknown = exchange.response;
  if (exchange.chunks) {
    for (const raw of exchange.chunks) {
      const event = raw as { type?: unknown; response?: unknown };
      if (event?.type === 'response.output_text.delta') deltas++;
      if (
        event?.type === 'response.completed' ||
        event?.type === 'response.incomplete' ||
        event?.type === 'response.failed'
      )
        final = event.response;
    }
  }
  const response = responseObjectSchema.safeParse(final);
  if (!response.success) return null;
  const finishReason =
    response.data.status === 'incomplete'
      ? 'length'
      : response.data.status === 'completed'
        ? 'stop'
        : (response.data.status ?? null);
  return {
    completion: response.data,
    streamed: Boolean(exchange.chunks),
    contentChunks: deltas,
    choices: [{ index: 0, content: outputText(response.data.output), finishReason }],
  };
}

/** Puts a response or its stream back together; null when nothing usable came back (an error, a bad shape). */
export function assemble(
  exchange: Pick<RunExchange, 'status' | 'response' | 'chunks'> & { endpoint?: Endpoint },
): ReceivedCompletion | null {
  if (exchange.status !== 200) return null;
  if (exchange.endpoint === 'responses') return assembleResponse(exchange);
  if (exchange.chunks) {
    const choices = new Map<number, { index: number; content: string | null; finishReason: string | null }>();
    let contentChunks = 0;
    for (const raw of exchange.chunks) {
      const chunk = chunkSchema.safeParse(raw);
      if (!chunk.success) return null;
      for (const c of chunk.data.choices) {
        const choice = choices.get(c.index) ?? { index: c.index, content: null, finishReason: null };
        const piece = c.delta?.content;
        if (piece) {
          contentChunks++;
          choice.content = (choice.content ?? '') + piece;
        }
        if (c.finish_reason) choice.finishReason = c.finish_reason;
        choices.set(c.index, choice);
      }
    }
    return {
      completion: assembleStream(exchange.chunks) ?? {},
      streamed: true,
      contentChunks,
      choices: [...choices.values()].sort((a, b) => a.index - b.index),
    };
  }
  const response = responseSchema.safeParse(exchange.response);
  if (!response.success) return null;
  return {
    completion: response.data,
    streamed: false,
    contentChunks: 0,
    choices: response.data.choices.map((c) => ({
      index: c.index,
      content: c.message.content ?? null,
      finishReason: c.finish_reason ?? null,
    })),
  };
}
