import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { sampleFromSchema, strictSchemaProblem } from '@/lib/backends/sandbox/json-schema';

const ajv = new Ajv2020({ strict: false });
const hints = {
  userText: 'Book a table for 4 in Lisbon on 2026-12-24, please.',
  replyText: 'Sandbox reply.',
};

const schemas: Record<string, Record<string, unknown>> = {
  flat: {
    type: 'object',
    properties: {
      city: { type: 'string' },
      people: { type: 'integer', minimum: 1, maximum: 12 },
      date: { type: 'string', format: 'date' },
    },
    required: ['city', 'people', 'date'],
    additionalProperties: false,
  },
  enums: {
    type: 'object',
    properties: {
      size: { type: 'string', enum: ['small', 'large'] },
      flag: { type: 'boolean' },
      exact: { const: 'v1' },
    },
    required: ['size', 'flag', 'exact'],
  },
  nested: {
    type: 'object',
    properties: {
      steps: {
        type: 'array',
        minItems: 3,
        maxItems: 5,
        items: {
          type: 'object',
          properties: {
            n: { type: 'number', exclusiveMinimum: 0 },
            note: { type: ['string', 'null'], maxLength: 5 },
          },
          required: ['n', 'note'],
        },
      },
    },
    required: ['steps'],
  },
  refs: {
    type: 'object',
    $defs: {
      person: { type: 'object', properties: { name: { type: 'string', minLength: 30 } }, required: ['name'] },
    },
    properties: {
      owner: { $ref: '#/$defs/person' },
      backup: { anyOf: [{ $ref: '#/$defs/person' }, { type: 'null' }] },
    },
    required: ['owner', 'backup'],
  },
};

describe('sampleFromSchema', () => {
  it.each(Object.entries(schemas))('writes a value that validates: %s', (_, schema) => {
    const value = sampleFromSchema(schema, hints);
    expect(ajv.validate(schema, value), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('fills from the conversation where the property name says what belongs there', () => {
    expect(sampleFromSchema(schemas.flat!, hints)).toEqual({ city: 'Lisbon', people: 4, date: '2026-12-24' });
    expect(
      sampleFromSchema(
        { type: 'object', properties: { size: { type: 'string', enum: ['small', 'large'] } } },
        { ...hints, userText: 'A large one' },
      ),
    ).toEqual({ size: 'large' });
  });

  it('is deterministic', () => {
    expect(sampleFromSchema(schemas.nested!, hints)).toEqual(sampleFromSchema(schemas.nested!, hints));
  });
});

describe('strictSchemaProblem', () => {
  it('accepts a schema strict mode can use', () => {
    expect(strictSchemaProblem(schemas.flat!)).toBeNull();
  });

  it('names what strict mode refuses, and where', () => {
    expect(
      strictSchemaProblem({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }),
    ).toMatch(/additionalProperties/);
    expect(
      strictSchemaProblem({
        type: 'object',
        properties: { a: { type: 'string' }, b: { type: 'string' } },
        required: ['a'],
        additionalProperties: false,
      }),
    ).toMatch(/Missing 'b'/);
    const deep = {
      type: 'object',
      properties: { inner: { type: 'object', properties: {}, required: [] } },
      required: ['inner'],
      additionalProperties: false,
    };
    expect(strictSchemaProblem(deep)).toMatch(/context=\('properties', 'inner'\)/);
  });
});
