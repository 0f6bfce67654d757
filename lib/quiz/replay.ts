import 'server-only';
import OpenAI from 'openai';
import type {
  ChatCompletionChunk,
  ChatCompletionCreateParams,
} from 'openai/resources/chat/completions/completions';
import type {
  ResponseCreateParamsNonStreaming,
  ResponseCreateParamsStreaming,
} from 'openai/resources/responses/responses';
import { chatCompletionRequestSchema } from '@/lib/proxy/chat-schema';
import { createSandboxClient } from '@/lib/backends/sandbox';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { configFromEnv } from '@/lib/proxy/config';
import { checkRequestLimits } from '@/lib/proxy/request-limits';
import { DRILL_HEADER } from '@/lib/runner/drills';
import { assemble, type Endpoint, type ReceivedCompletion } from './exchange';

/**
 * Sends a recorded request again, to the in-process sandbox model, so the server sees for itself what that
 * request produces: a response edited in the page cannot pass a challenge its request would not pass. The
 * request must be one the proxy would accept, under this deployment's caps. A drill the request carried is sent
 * again too; the two that never answer (`timeout`, `dropped`) are known to end without a response.
 */
let sandbox: OpenAI | undefined;

export interface Replayed {
  /** null: no response (a timeout or a dropped connection). */
  status: number | null;
  received: ReceivedCompletion | null;
  error?: string;
}

export type Replay = (request: unknown, drill: string | null, endpoint?: Endpoint) => Promise<Replayed>;

const NO_ANSWER = new Set(['timeout', 'dropped']);

export const replayOnSandbox: Replay = async (raw, drill, endpoint = 'chat.completions') => {
  if (drill && NO_ANSWER.has(drill)) return { status: null, received: null };
  if (endpoint === 'responses') return replayResponse(raw, drill);
  const parsed = chatCompletionRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      status: 400,
      received: null,
      error: `the request is not one the API accepts (${issue?.path.join('.') || 'body'}: ${issue?.message}).`,
    };
  }
  const body: ChatCompletionCreateParams = parsed.data;
  sandbox ??= createSandboxClient({ chunkDelayMs: 0 });
  const options = drill ? { headers: { [DRILL_HEADER]: drill } } : undefined;
  try {
    checkRequestLimits(body, configFromEnv(env()).limits);
    if (body.stream) {
      const stream = await sandbox.chat.completions.create({ ...body, stream: true }, options);
      const chunks: ChatCompletionChunk[] = [];
      for await (const chunk of stream) chunks.push(chunk);
      const received = assemble({ status: 200, chunks });
      return received
        ? { status: 200, received }
        : { status: 200, received: null, error: 'the sandbox stream could not be read.' };
    }
    const response = await sandbox.chat.completions.create({ ...body, stream: false }, options);
    const received = assemble({ status: 200, response });
    return received
      ? { status: 200, received }
      : { status: 200, received: null, error: 'the sandbox response could not be read.' };
  } catch (error) {
    return failedReplay(error);
  }
};

/**
 * A Responses request sent again to the sandbox, not stored (the replay must leave nothing behind). Only requests
 * that start a conversation come here; see `checkRun`.
 */
async function replayResponse(raw: unknown, drill: string | null): Promise<Replayed> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { status: 400, received: null, error: 'the request is not a JSON object.' };
  sandbox ??= createSandboxClient({ chunkDelayMs: 0 });
  const options = drill ? { headers: { [DRILL_HEADER]: drill } } : undefined;
  const streamed = (raw as { stream?: unknown }).stream === true;
  const body = { ...(raw as Record<string, unknown>), store: false };
  try {
    let received: ReceivedCompletion | null;
    if (streamed) {
      // Sent as it was, streamed, so a rule about the stream sees the events the learner's run saw.
      const stream = await sandbox.responses.create(
        { ...body, stream: true } as unknown as ResponseCreateParamsStreaming,
        options,
      );
      const chunks: unknown[] = [];
      for await (const event of stream) chunks.push(JSON.parse(JSON.stringify(event)) as unknown);
      received = assemble({ endpoint: 'responses', status: 200, chunks });
    } else {
      const response = await sandbox.responses.create(
        { ...body, stream: false } as unknown as ResponseCreateParamsNonStreaming,
        options,
      );
      received = assemble({
        endpoint: 'responses',
        status: 200,
        response: JSON.parse(JSON.stringify(response)) as unknown,
      });
    }
    return received
      ? { status: 200, received }
      : { status: 200, received: null, error: 'the sandbox response could not be read.' };
  } catch (error) {
    return failedReplay(error);
  }
}

/** The sandbox answers as the API would: a request it refuses is a request that passes nothing. */
function failedReplay(error: unknown): Replayed {
  if (error instanceof OpenAI.APIError || error instanceof ApiError) {
    return {
      status: error.status ?? null,
      received: null,
      error: `the request fails with ${error.status}: ${error.message}`,
    };
  }
  throw error;
}
