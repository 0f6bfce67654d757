import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions/completions';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { chatCompletionRequestSchema, type ChatCompletionRequest } from '@/lib/proxy/chat-schema';

/**
 * The chat schema's output is the SDK's request type: the proxy hands a parsed body to
 * `client.chat.completions.create()` with no cast. `tsc --noEmit` (npm test's first step) fails here if a
 * parameter of the schema drifts from the SDK's.
 */
describe('the chat request schema', () => {
  it('parses into something the SDK accepts as ChatCompletionCreateParams, without a cast', () => {
    expectTypeOf<ChatCompletionRequest>().toExtend<ChatCompletionCreateParams>();
    const parsed = chatCompletionRequestSchema.parse({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const params: ChatCompletionCreateParams = parsed;
    expect(params.stream).toBe(true);
  });
});
