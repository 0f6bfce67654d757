import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonSchema } from './strict-schema';

/**
 * Ajv, for the one place the sandbox must check JSON it did not write itself: a lesson's recorded reply, used for a
 * `json_schema` request only when it validates against the request's schema (otherwise the generator writes one).
 * Compiled validators are kept in a small LRU keyed by the schema's text.
 */
const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
addFormats(ajv);

const MAX_CACHED = 32;
const cache = new Map<string, ValidateFunction | null>();

function validatorFor(schema: JsonSchema): ValidateFunction | null {
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (validate === undefined) {
    try {
      validate = ajv.compile(schema);
    } catch {
      validate = null;
    }
    cache.set(key, validate);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  } else {
    cache.delete(key);
    cache.set(key, validate);
  }
  return validate;
}

/** True when `value` satisfies `schema`; a schema Ajv cannot compile satisfies nothing. */
export function matchesSchema(schema: JsonSchema, value: unknown): boolean {
  const validate = validatorFor(schema);
  return validate ? validate(value) : false;
}
