/**
 * What OpenAI's strict mode refuses in a JSON Schema (structured outputs and strict function parameters), checked
 * before anything is generated. The rules and limits are the documented ones (FACTS-COURSE J2 to J4): the root is
 * an object, every object sets `additionalProperties: false` and lists every property in `required`, no `allOf`,
 * `not`, `if`/`then`/`else`, `dependentRequired`, `dependentSchemas`, at most 10 levels of nesting, 5,000
 * properties, 120,000 characters of names and values, 1,000 enum values, and 15,000 characters for one string enum
 * of more than 250 values.
 *
 * Messages: the `additionalProperties`, `required` and "is not permitted" wordings are the API's as quoted in
 * public reports (with its Python-style `context=(...)` path). Every other message is the sandbox's own wording in
 * the API's style, since no report of the exact text was found; each such message says so in a comment below.
 *
 * The walk is bounded: it stops at the first problem, never follows a `$ref` (definitions are checked where they
 * are defined), and gives up past `MAX_WALK_NODES` schema nodes or `MAX_WALK_DEPTH` levels, so a schema built to
 * be slow (2,000 levels deep, say) is refused in microseconds.
 */

export type JsonSchema = Record<string, unknown>;

export const STRICT_LIMITS = {
  nesting: 10,
  properties: 5_000,
  characters: 120_000,
  enumValues: 1_000,
  largeEnumValues: 250,
  largeEnumCharacters: 15_000,
} as const;

/** Keywords strict mode refuses (FACTS-COURSE J4). */
export const UNSUPPORTED_KEYWORDS = [
  'allOf',
  'not',
  'if',
  'then',
  'else',
  'dependentRequired',
  'dependentSchemas',
] as const;

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
/** Any schema deeper than this (objects, arrays, anyOf, definitions together) is refused without looking further. */
export const MAX_WALK_DEPTH = 64;
/** Schema nodes visited before the check gives up and refuses. */
export const MAX_WALK_NODES = 20_000;

/** Python's tuple repr, as the API prints the path: `()`, `('items',)`, `('properties', 'a')`. */
export function contextOf(path: readonly string[]): string {
  const items = path.map((p) => `'${p}'`);
  return `context=(${items.join(', ')}${items.length === 1 ? ',' : ''})`;
}

class Problem extends Error {}

const isObject = (value: unknown): value is JsonSchema =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

function typesOf(schema: JsonSchema): string[] {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

/** The target of a local `$ref`, or undefined when it points nowhere in this schema. */
export function resolveRef(ref: string, root: JsonSchema): JsonSchema | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return isObject(node) ? node : undefined;
}

/**
 * The first thing strict mode refuses in `schema`, as the text after "Invalid schema for ...: ", or null when
 * OpenAI would accept it.
 */
export function strictSchemaProblem(schema: JsonSchema): string | null {
  let nodes = 0;
  let properties = 0;
  let characters = 0;
  let enumValues = 0;

  const countChars = (text: string, path: string[]) => {
    characters += text.length;
    if (characters > STRICT_LIMITS.characters) {
      // Sandbox wording.
      throw new Problem(
        `In ${contextOf(path)}, the schema is too large: property names, definition names, enum values and const values add up to more than ${STRICT_LIMITS.characters} characters.`,
      );
    }
  };

  const visit = (node: unknown, path: string[], objectDepth: number, depth: number): void => {
    if (!isObject(node)) {
      // Sandbox wording.
      throw new Problem(`In ${contextOf(path)}, a schema must be a JSON object.`);
    }
    if (++nodes > MAX_WALK_NODES || depth > MAX_WALK_DEPTH) {
      // Sandbox wording.
      throw new Problem(
        `In ${contextOf(path.slice(0, 12))}, the schema nests deeper than ${STRICT_LIMITS.nesting} levels or is too large to check.`,
      );
    }
    for (const keyword of UNSUPPORTED_KEYWORDS) {
      if (keyword in node) throw new Problem(`In ${contextOf(path)}, '${keyword}' is not permitted.`);
    }
    const types = typesOf(node);
    const unknownType = types.find((t) => !TYPES.has(t));
    if (unknownType !== undefined || (node.type !== undefined && types.length === 0)) {
      // Sandbox wording.
      throw new Problem(`In ${contextOf(path)}, '${String(unknownType ?? node.type)}' is not a valid type.`);
    }
    if (typeof node.$ref === 'string' && !resolveRef(node.$ref, schema)) {
      // Sandbox wording.
      throw new Problem(
        `In ${contextOf(path)}, reference '${node.$ref}' does not point to a definition in this schema.`,
      );
    }
    if (typeof node.pattern === 'string') {
      try {
        new RegExp(node.pattern, 'u');
      } catch {
        // Sandbox wording.
        throw new Problem(
          `In ${contextOf(path)}, 'pattern' is not a valid regular expression: ${node.pattern.slice(0, 200)}`,
        );
      }
    }
    if (Array.isArray(node.enum)) {
      enumValues += node.enum.length;
      if (enumValues > STRICT_LIMITS.enumValues) {
        // Sandbox wording.
        throw new Problem(
          `In ${contextOf(path)}, the schema has more than ${STRICT_LIMITS.enumValues} enum values in total.`,
        );
      }
      let enumChars = 0;
      for (const value of node.enum) {
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        enumChars += text.length;
        countChars(text, path);
      }
      if (
        node.enum.length > STRICT_LIMITS.largeEnumValues &&
        node.enum.every((v) => typeof v === 'string') &&
        enumChars > STRICT_LIMITS.largeEnumCharacters
      ) {
        // Sandbox wording.
        throw new Problem(
          `In ${contextOf(path)}, a string enum with more than ${STRICT_LIMITS.largeEnumValues} values may have at most ${STRICT_LIMITS.largeEnumCharacters} characters in total; this one has ${enumChars}.`,
        );
      }
    }
    if ('const' in node) {
      countChars(typeof node.const === 'string' ? node.const : JSON.stringify(node.const), path);
    }

    const isObjectSchema = types.includes('object') || isObject(node.properties);
    if (isObjectSchema) {
      if (objectDepth + 1 > STRICT_LIMITS.nesting) {
        // Sandbox wording.
        throw new Problem(
          `In ${contextOf(path)}, the schema nests objects more than ${STRICT_LIMITS.nesting} levels deep.`,
        );
      }
      if (node.additionalProperties !== false) {
        throw new Problem(
          `In ${contextOf(path)}, 'additionalProperties' is required to be supplied and to be false.`,
        );
      }
      const props = isObject(node.properties) ? node.properties : {};
      const keys = Object.keys(props);
      const required = new Set(Array.isArray(node.required) ? node.required : []);
      const missing = keys.find((key) => !required.has(key));
      if (missing !== undefined || (!Array.isArray(node.required) && keys.length > 0)) {
        throw new Problem(
          `In ${contextOf(path)}, 'required' is required to be supplied and to be an array including every key in properties.${missing !== undefined ? ` Missing '${missing}'.` : ''}`,
        );
      }
      const known = new Set(keys);
      const extra = [...required].find((key) => typeof key !== 'string' || !known.has(key));
      if (extra !== undefined) {
        // Sandbox wording.
        throw new Problem(
          `In ${contextOf(path)}, 'required' lists '${String(extra)}', which is not in properties.`,
        );
      }
      properties += keys.length;
      if (properties > STRICT_LIMITS.properties) {
        // Sandbox wording.
        throw new Problem(
          `In ${contextOf(path)}, the schema has more than ${STRICT_LIMITS.properties} object properties in total.`,
        );
      }
      for (const key of keys) {
        countChars(key, path);
        visit(props[key], [...path, 'properties', key], objectDepth + 1, depth + 1);
      }
    }
    if (node.items !== undefined) {
      if (Array.isArray(node.items)) {
        // Sandbox wording: tuple-style `items` is not in the documented subset.
        throw new Problem(`In ${contextOf(path)}, 'items' must be a schema, not an array.`);
      }
      visit(node.items, [...path, 'items'], objectDepth, depth + 1);
    }
    if (node.anyOf !== undefined) {
      if (!Array.isArray(node.anyOf) || node.anyOf.length === 0) {
        // Sandbox wording.
        throw new Problem(`In ${contextOf(path)}, 'anyOf' must be a non-empty array of schemas.`);
      }
      node.anyOf.forEach((branch, i) => visit(branch, [...path, 'anyOf', String(i)], objectDepth, depth + 1));
    }
    for (const keyword of ['$defs', 'definitions'] as const) {
      const group = node[keyword];
      if (group === undefined) continue;
      if (!isObject(group)) {
        // Sandbox wording.
        throw new Problem(`In ${contextOf(path)}, '${keyword}' must be an object of schemas.`);
      }
      for (const [name, child] of Object.entries(group)) {
        countChars(name, path);
        // A definition is checked as if it stood where it is used; the root's nesting counts from 0 again.
        visit(child, [...path, keyword, name], objectDepth, depth + 1);
      }
    }
  };

  try {
    if (!isObject(schema)) return `In ${contextOf([])}, a schema must be a JSON object.`;
    const rootTypes = typesOf(schema);
    if ('anyOf' in schema || rootTypes.length !== 1 || rootTypes[0] !== 'object') {
      // Sandbox wording (J2: the root must be an object, not anyOf).
      return `In ${contextOf([])}, the root schema must be of type 'object' and must not use 'anyOf'; got ${
        'anyOf' in schema ? "'anyOf'" : `type ${JSON.stringify(schema.type ?? null)}`
      }.`;
    }
    visit(schema, [], 0, 0);
    return null;
  } catch (error) {
    if (error instanceof Problem) return error.message;
    throw error;
  }
}
