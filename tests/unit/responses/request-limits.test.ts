import { describe, expect, it } from 'vitest';
import { createSandboxClient } from '@/lib/backends/sandbox';
import type { Backend } from '@/lib/proxy/backend';
import { checkResponsesLimits, prepareResponsesBody } from '@/lib/responses/limits';
import { passThroughRequestSchema, responsesRequestSchema } from '@/lib/responses/schema';
import { testConfig } from '../../support/proxy-config';

const limits = testConfig({ limits: { maxMessages: 3, maxMessageChars: 100 } }).limits;
const serverKey: Backend = { kind: 'upstream', client: createSandboxClient(), serverKey: true, secrets: [] };
const ownKey: Backend = { ...serverKey, serverKey: false };

describe('Responses request schema and caps', () => {
  it('takes the spec names and ranges, refuses unknown parameters on the full schema only', () => {
    const ok = { model: 'gpt-4o-mini', input: 'hi', max_output_tokens: 16, temperature: 2, metadata: { a: 'b' } };
    expect(responsesRequestSchema.safeParse(ok).success).toBe(true);
    expect(responsesRequestSchema.safeParse({ ...ok, max_output_tokens: 15 }).success).toBe(false);
    expect(responsesRequestSchema.safeParse({ ...ok, temperature: 2.1 }).success).toBe(false);
    expect(responsesRequestSchema.safeParse({ ...ok, n: 2 }).success).toBe(false);
    expect(passThroughRequestSchema.parse({ ...ok, n: 2, future: { x: 1 } })).toMatchObject({ n: 2, future: { x: 1 } });
    expect(passThroughRequestSchema.safeParse({ ...ok, max_output_tokens: 15 }).success).toBe(false);
    const badCall = { model: 'gpt-4o-mini', input: [{ type: 'function_call_output', call_id: '', output: 'x' }] };
    expect(responsesRequestSchema.safeParse(badCall).success).toBe(false);
  });

  it('caps items, characters per item and the model allow-list, on every path', () => {
    expect(() => checkResponsesLimits({ model: 'gpt-4o-mini', input: 'x'.repeat(101) }, limits)).toThrow(/maximum length 100/);
    const four = Array.from({ length: 4 }, () => ({ role: 'user', content: 'hi' }));
    expect(() => checkResponsesLimits({ model: 'gpt-4o-mini', input: four }, limits)).toThrow(/maximum length 3/);
    expect(() => checkResponsesLimits({ model: 'not-a-model', input: 'hi' }, limits)).toThrow(/not-a-model/);
  });

  it("on the server's key: a cap is always set, nothing is stored upstream, and what can't be priced is refused", () => {
    expect(prepareResponsesBody({ model: 'm', input: 'hi' }, serverKey, 500)).toMatchObject({ store: false, max_output_tokens: 500 });
    expect(() => prepareResponsesBody({ model: 'm', max_output_tokens: 501 }, serverKey, 500)).toThrow(/caps requests/);
    expect(() => prepareResponsesBody({ model: 'm', previous_response_id: 'resp_1' }, serverKey, 500)).toThrow(/own API key/);
    expect(() => prepareResponsesBody({ model: 'm', tools: [{ type: 'web_search' }] }, serverKey, 500)).toThrow(/web_search/);
    const own = { model: 'm', previous_response_id: 'resp_1', tools: [{ type: 'web_search' }] };
    expect(prepareResponsesBody(own, ownKey, 500)).toBe(own);
    const image = { model: 'm', input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'http://10.0.0.1/x.png' }] }] };
    expect(prepareResponsesBody(image, ownKey, 500)).toBe(image);
    expect(() => prepareResponsesBody(image, ownKey, 500, false)).toThrow(/data: image URLs/);
  });
});
