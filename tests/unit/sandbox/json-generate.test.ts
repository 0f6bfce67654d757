import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createSandboxClient } from '@/lib/backends/sandbox';
import { generateJson, seededRandom } from '@/lib/backends/sandbox/json-generate';
import { patternGenerator } from '@/lib/backends/sandbox/pattern';
import { cpuClock } from './cpu-time';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const hints = {
  userText: 'Book a table for 4 in Lisbon on 2026-12-24, please.',
  replyText: 'Sandbox reply: a table in Lisbon.',
};
const obj = (properties: Record<string, unknown>) => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
const generate = (schema: Record<string, unknown>, maxChars = 20_000, seed = 1) =>
  generateJson(schema, { hints, random: seededRandom(seed), maxChars });
const valid = (schema: Record<string, unknown>, text: string) => {
  const ok = ajv.validate(schema, JSON.parse(text));
  return ok ? true : JSON.stringify(ajv.errors);
};

describe('values that satisfy the schema and read plausibly', () => {
  it('fills from the conversation where the property name says what belongs there', () => {
    const schema = obj({
      city: { type: 'string' },
      people: { type: 'integer', minimum: 1, maximum: 12 },
      date: { type: 'string', format: 'date' },
      size: { type: 'string', enum: ['small', 'large'] },
    });
    const out = generate(schema);
    expect(out.complete).toBe(true);
    expect(JSON.parse(out.text)).toEqual({ city: 'Lisbon', people: 4, date: '2026-12-24', size: 'small' });
  });

  it('keeps numbers small and inside their bounds, even with zod-style ±2^53 bounds', () => {
    const schema = obj({
      free: { type: 'integer' },
      zod: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
      ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      price: { type: 'number', multipleOf: 0.25, minimum: 1, maximum: 3 },
      negative: { type: 'integer', maximum: -100 },
    });
    for (let seed = 0; seed < 20; seed++) {
      const text = generateJson(schema, {
        hints: { ...hints, userText: 'no numbers here' },
        random: seededRandom(seed),
        maxChars: 5_000,
      }).text;
      expect(valid(schema, text)).toBe(true);
      const value = JSON.parse(text) as Record<string, number>;
      expect(Math.abs(value.free!)).toBeLessThan(100);
      expect(Math.abs(value.zod!)).toBeLessThan(100);
      expect(value.negative).toBeGreaterThan(-200);
    }
  });

  it('matches patterns, including one built to be slow to reject, and formats Ajv checks', () => {
    const schema = obj({
      slow: { type: 'string', pattern: '^(a+)+$' },
      zip: { type: 'string', pattern: '^\\d{5}(-\\d{4})?$' },
      handle: { type: 'string', pattern: '^@[a-z0-9_]{3,15}$' },
      when: { type: 'string', format: 'date-time' },
      id: { type: 'string', format: 'uuid' },
      v6: { type: 'string', format: 'ipv6' },
      mail: { type: 'string', format: 'email' },
    });
    for (let seed = 0; seed < 10; seed++)
      expect(valid(schema, generate(schema, 5_000, seed).text)).toBe(true);
    const value = JSON.parse(generate(schema).text) as { slow: string };
    expect(value.slow).toMatch(/^a{1,64}$/);
  });

  it('meets a pattern and length bounds together', () => {
    const schema = obj({ code: { type: 'string', pattern: '^[a-z]+$', minLength: 3, maxLength: 4 } });
    for (let seed = 0; seed < 20; seed++)
      expect(valid(schema, generate(schema, 1_000, seed).text)).toBe(true);
  });

  it('follows $ref, anyOf and recursion to a bounded depth', () => {
    const tree = { ...obj({ name: { type: 'string' }, children: { type: 'array', items: { $ref: '#' } } }) };
    const out = generate(tree);
    expect(out.complete).toBe(true);
    expect(valid(tree, out.text)).toBe(true);
    const list = {
      ...obj({ head: { $ref: '#/$defs/node' } }),
      $defs: {
        node: obj({
          value: { type: 'integer' },
          next: { anyOf: [{ $ref: '#/$defs/node' }, { type: 'null' }] },
        }),
      },
    };
    const linked = generate(list);
    expect(valid(list, linked.text)).toBe(true);
    expect(linked.text.length).toBeLessThan(500);
  });

  it('is deterministic for the same seed', () => {
    const schema = obj({ id: { type: 'string', format: 'uuid' }, n: { type: 'number' } });
    expect(generate(schema, 1_000, 5).text).toBe(generate(schema, 1_000, 5).text);
    expect(generate(schema, 1_000, 5).text).not.toBe(generate(schema, 1_000, 6).text);
  });
});

describe('bounded in size and time (issue 10, finding 2)', () => {
  const huge = {
    'minLength: 40000': obj({ s: { type: 'string', minLength: 40_000 } }),
    'minItems: 100000': obj({ a: { type: 'array', minItems: 100_000, items: { type: 'integer' } } }),
    'nested minItems': obj({
      a: {
        type: 'array',
        minItems: 1_000,
        items: { type: 'array', minItems: 1_000, items: { type: 'string', minLength: 100 } },
      },
    }),
    'recursion with no way out': { ...obj({ self: { $ref: '#' } }) },
    'a pattern that could be huge': obj({ p: { type: 'string', pattern: '^((a{200}){200}){200}$' } }),
  };

  it.each(Object.entries(huge))(
    '%s: stops at the budget, quickly, and says it is incomplete',
    (name, schema) => {
      const elapsed = cpuClock();
      const out = generate(schema, 16_000);
      // About 30 ms on an idle machine; the bound leaves room for a loaded one (before the budget: 1.4 s, megabytes).
      expect(elapsed()).toBeLessThan(400);
      expect(out.text.length).toBeLessThanOrEqual(16_000);
      if (name !== 'a pattern that could be huge') expect(out.complete).toBe(false);
    },
  );

  it('refuses to generate from a pattern whose longest match is too long, and caps open repetitions', () => {
    expect(patternGenerator('^((a{200}){200}){200}$')).toBeNull();
    const open = patternGenerator('^x+y*$')!;
    for (let seed = 0; seed < 20; seed++) {
      const random = seededRandom(seed);
      expect(open.generate((a, b) => a + Math.floor(random() * (b - a + 1))).length).toBeLessThanOrEqual(14);
    }
  });

  it('answers a request asking for 40,000 characters with cut-off JSON and finish_reason "length", in time', async () => {
    const client = createSandboxClient({ recordings: new Map() });
    const elapsed = cpuClock();
    const data = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Write it.' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'huge', schema: huge['nested minItems'], strict: true },
      },
      max_completion_tokens: 300,
    });
    expect(elapsed()).toBeLessThan(1_000);
    expect(data.choices[0]!.finish_reason).toBe('length');
    expect(data.usage!.completion_tokens).toBe(300);
    expect(() => JSON.parse(data.choices[0]!.message.content!)).toThrow();
  });

  it('applies the server cap (MAX_OUTPUT_TOKENS) when the request sets none', async () => {
    const client = createSandboxClient({ recordings: new Map(), maxOutputTokens: 200 });
    const data = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Write it.' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'huge', schema: huge['minLength: 40000'], strict: true },
      },
    });
    expect(data.choices[0]!.finish_reason).toBe('length');
    expect(data.usage!.completion_tokens).toBeLessThanOrEqual(200);
  });
});
