import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import { parse } from 'yaml';

/**
 * Validators for the schemas of OpenAI's own OpenAPI description, vendored in `tests/fixtures/` (its source, version
 * and licence are in the README there). The document is OpenAPI 3.1 but still uses the 3.0 keyword
 * `nullable: true`; it is read as `anyOf [X, null]`.
 */
const SPEC = path.resolve(import.meta.dirname, '../fixtures/openai-openapi.yaml');

type Node = Record<string, unknown>;

function convertNullable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convertNullable);
  if (!value || typeof value !== 'object') return value;
  const out: Node = {};
  for (const [key, child] of Object.entries(value as Node)) out[key] = convertNullable(child);
  if (out.nullable === true) {
    delete out.nullable;
    const { description, ...rest } = out;
    return { ...(description ? { description } : {}), anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

let ajv: Ajv2020 | undefined;

/** A validator for `#/components/schemas/<name>`. */
export function schemaValidator(name: string): ValidateFunction {
  if (!ajv) {
    const spec = parse(fs.readFileSync(SPEC, 'utf8')) as { components: Node };
    ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ $id: 'openai', components: convertNullable(spec.components) });
  }
  const validate = ajv.getSchema(`openai#/components/schemas/${name}`);
  if (!validate) throw new Error(`No schema ${name} in the OpenAPI description`);
  return validate;
}

/** Throws with Ajv's own account of what is wrong, so a failing test says which field broke the contract. */
export function assertMatches(name: string, value: unknown): void {
  const validate = schemaValidator(name);
  if (!validate(value)) {
    throw new Error(
      `${name} does not match the spec:\n${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}\n${JSON.stringify(value).slice(0, 600)}`,
    );
  }
}
