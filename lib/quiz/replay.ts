import 'server-only';
import OpenAI from 'openai';
import type { ChatCompletionChunk, ChatCompletionCreateParams } from 'openai/resources/chat/completions/completions';
import { chatCompletionRequestSchema } from '@/lib/proxy/chat-schema';
import { createSandboxClient } from '@/lib/backends/sandbox';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { configFromEnv } from '@/lib/proxy/config';
import { checkRequestLimits } from '@/lib/proxy/request-limits';
import { assemble, type ReceivedCompletion } from './exchange';

/**
 * Sends a recorded request again, to the in-process sandbox model, so the server sees for itself what that
 * request produces: a response edited in the page cannot pass a challenge its request would not pass. The
 * request must be one the proxy would accept, under this deployment's caps.
 */
let sandbox: OpenAI | undefined;

export type Replay = (request: unknown) => Promise<ReceivedCompletion | { error: string }>;

export const replayOnSandbox: Replay = async (raw) => {
  const parsed = chatCompletionRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `the request is not one the API accepts (${issue?.path.join('.') || 'body'}: ${issue?.message}).` };
  }
  const body = parsed.data as ChatCompletionCreateParams;
  sandbox ??= createSandboxClient({ chunkDelayMs: 0 });
  try {
    checkRequestLimits(body, configFromEnv(env()).limits);
    if (body.stream) {
      const stream = await sandbox.chat.completions.create({ ...body, stream: true });
      const chunks: ChatCompletionChunk[] = [];
      for await (const chunk of stream) chunks.push(chunk);
      return assemble({ status: 200, chunks }) ?? { error: 'the sandbox stream could not be read.' };
    }
    const response = await sandbox.chat.completions.create({ ...body, stream: false });
    return assemble({ status: 200, response }) ?? { error: 'the sandbox response could not be read.' };
  } catch (error) {
    // The sandbox answers as the API would: a request it refuses is a request that passes nothing.
    if (error instanceof OpenAI.APIError || error instanceof ApiError) return { error: `the request fails with ${error.status}: ${error.message}` };
    throw error;
  }
};
