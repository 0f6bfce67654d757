import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { BadRequestError } from 'openai';
import { describe, expect, it } from 'vitest';
import { createSandboxClient } from '@/lib/backends/sandbox';
import { strictSchemaProblem } from '@/lib/backends/sandbox/strict-schema';
import { assertMatches } from '../../support/openapi';
import { cpuClock } from './cpu-time';

/**
 * The strict-schema corpus (tests/fixtures/strict-schemas): every schema OpenAI's strict mode accepts is accepted
 * by the sandbox, as a response format and as strict function parameters, and what it generates validates (Ajv,
 * with formats); every schema strict mode refuses is a 400 with the right `param` and message.
 */
type Schema = Record<string, unknown>;
const dir = path.resolve(import.meta.dirname, '../../fixtures/strict-schemas');
const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;

const obj = (properties: Record<string, unknown>): Schema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
const many = (count: number) =>
  obj(Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${i}`, { type: 'boolean' }])));
function nested(levels: number): Schema {
  let schema = obj({ leaf: { type: 'string' } });
  for (let i = 1; i < levels; i++) schema = obj({ child: schema });
  return schema;
}

const accepted = [
  ...read<{ name: string; schema: Schema }[]>('accepted.json'),
  { name: '5000 properties', schema: many(5_000) },
];
const refused = [
  ...read<{ name: string; schema: Schema; message: string }[]>('refused.json'),
  { name: 'too many properties', schema: many(5_001), message: 'more than 5000 object properties' },
  {
    name: 'too many characters',
    schema: obj({
      v: { type: 'string', enum: Array.from({ length: 121 }, (_, i) => `${'x'.repeat(1_000)}${i}`) },
    }),
    message: 'more than 120000 characters',
  },
  { name: '2,000 levels deep', schema: nested(2_000), message: 'more than 10 levels' },
];

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// gpt-4.1's output ceiling rather than the server's default 4,096, so the 5,000-property object (about 25,000
// tokens) fits: under a lower cap it is cut off with finish_reason "length", as it would be by OpenAI.
const client = createSandboxClient({ recordings: new Map(), maxOutputTokens: 32_768 });
const question = {
  role: 'user' as const,
  content: 'Fill this in for a trip to Lisbon on 2026-12-24, for 2 people.',
};

describe('the corpus', () => {
  it('has at least 30 schemas each way', () => {
    expect(accepted.length).toBeGreaterThanOrEqual(30);
    expect(refused.length).toBeGreaterThanOrEqual(30);
  });
});

describe('schemas strict mode accepts', () => {
  it.each(accepted.map((c) => [c.name, c.schema] as const))(
    '%s: accepted, and the output validates',
    async (_, schema) => {
      expect(strictSchemaProblem(schema)).toBeNull();
      const data = await client.chat.completions.create({
        model: 'gpt-4.1',
        messages: [question],
        response_format: { type: 'json_schema', json_schema: { name: 'corpus', schema, strict: true } },
        max_completion_tokens: 32_768,
      });
      assertMatches('CreateChatCompletionResponse', data);
      expect(data.choices[0]!.finish_reason).toBe('stop');
      const value = JSON.parse(data.choices[0]!.message.content!) as unknown;
      expect(ajv.validate(schema, value), JSON.stringify(ajv.errors)).toBe(true);

      const call = await client.chat.completions.create({
        model: 'gpt-4.1',
        messages: [question],
        tools: [{ type: 'function', function: { name: 'fill', parameters: schema, strict: true } }],
        tool_choice: { type: 'function', function: { name: 'fill' } },
        max_completion_tokens: 32_768,
      });
      const tool = call.choices[0]!.message.tool_calls![0]!;
      const args = JSON.parse(tool.type === 'function' ? tool.function.arguments : 'null') as unknown;
      expect(ajv.validate(schema, args), JSON.stringify(ajv.errors)).toBe(true);
    },
  );
});

describe('schemas strict mode refuses', () => {
  it.each(refused.map((c) => [c.name, c.schema, c.message] as const))(
    '%s: 400 with the right param and message',
    async (_, schema, message) => {
      const elapsed = cpuClock();
      expect(strictSchemaProblem(schema)).toContain(message);
      // Microseconds to a few milliseconds when idle; room for a loaded machine (a 2,000-deep schema took 0.6 s before).
      expect(elapsed()).toBeLessThan(200);

      const format = await client.chat.completions
        .create({
          model: 'gpt-4o',
          messages: [question],
          response_format: { type: 'json_schema', json_schema: { name: 'corpus', schema, strict: true } },
        })
        .catch((e: unknown) => e);
      expect(format).toBeInstanceOf(BadRequestError);
      const error = format as BadRequestError;
      expect(error.status).toBe(400);
      expect(error.param).toBe('response_format');
      expect(error.message).toContain(`Invalid schema for response_format 'corpus': `);
      expect(error.message).toContain(message);
      assertMatches('ErrorResponse', { error: error.error });

      const tool = await client.chat.completions
        .create({
          model: 'gpt-4o',
          messages: [question],
          tools: [
            { type: 'function', function: { name: 'ok', parameters: obj({}), strict: true } },
            { type: 'function', function: { name: 'fill', parameters: schema, strict: true } },
          ],
        })
        .catch((e: unknown) => e);
      expect(tool).toBeInstanceOf(BadRequestError);
      expect((tool as BadRequestError).param).toBe('tools[1].function.parameters');
      expect((tool as BadRequestError).code).toBe('invalid_function_parameters');
      expect((tool as BadRequestError).message).toContain(`Invalid schema for function 'fill': `);
    },
  );

  it('accepts the same schemas when strict is off (strict mode is what refuses them)', async () => {
    const loose = refused.find((c) => c.name === 'optional property')!;
    const data = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [question],
      response_format: { type: 'json_schema', json_schema: { name: 'corpus', schema: loose.schema } },
    });
    expect(ajv.validate(loose.schema, JSON.parse(data.choices[0]!.message.content!))).toBe(true);
  });
});
