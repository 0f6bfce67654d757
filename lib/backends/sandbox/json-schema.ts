/**
 * Builds a JSON value that satisfies a JSON Schema (the subset OpenAI's structured outputs and function
 * parameters use: object, array, string, number, integer, boolean, null, enum, const, anyOf/oneOf, $ref into
 * $defs, type unions, length and range bounds), filling it from the conversation where the property name
 * suggests what belongs there. Deterministic: the same schema and hints give the same value.
 */

export type JsonSchema = Record<string, unknown>;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface FillHints {
  /** The last user message. */
  userText: string;
  /** A sentence to use where the schema asks for an answer or summary. */
  replyText: string;
}

const PLACE = /^(location|city|place|country|town|region|destination|address|where|state)$/i;
const ASKED = /(query|question|prompt|input|search|topic|message|text|keyword)/i;
const ANSWER = /(answer|reply|response|summary|explanation|content|result|description|reason)/i;
const STOPWORDS = new Set([
  'I',
  'What',
  'Whats',
  "What's",
  'How',
  'Why',
  'When',
  'Where',
  'Who',
  'Which',
  'Is',
  'Are',
  'Can',
  'Could',
  'Please',
  'Tell',
  'Give',
  'The',
  'A',
  'An',
  'Do',
  'Does',
  'Explain',
  'Show',
  'Find',
  'Get',
  'Write',
]);

/** Capitalised words and runs of them ("New York"), in order, leaving out the word that opens a sentence. */
function properNouns(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\b[A-Z][\p{L}'-]*(?:\s+[A-Z][\p{L}'-]*)*/gu)) {
    const before = text.slice(0, match.index).trimEnd();
    const opensSentence = before === '' || /[.!?:]$/.test(before);
    const words = match[0]
      .split(/\s+/)
      .slice(opensSentence ? 1 : 0)
      .filter((word) => !STOPWORDS.has(word));
    if (words.length) found.push(words.join(' '));
  }
  return found;
}

function numbersIn(text: string): number[] {
  return (text.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  if (!ref.startsWith('#/')) return {};
  let node: unknown = root;
  for (const segment of ref.slice(2).split('/')) {
    node =
      node && typeof node === 'object'
        ? (node as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')]
        : undefined;
  }
  return node && typeof node === 'object' ? (node as JsonSchema) : {};
}

function pickType(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') as string | undefined) ?? 'null';
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function fitLength(text: string, schema: JsonSchema): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  let out = text.length > max ? text.slice(0, max) : text;
  while (out.length < min) out += '.';
  return out;
}

function fillString(name: string, schema: JsonSchema, hints: FillHints): string {
  const format = schema.format;
  if (format === 'date') return hints.userText.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '2026-01-01';
  if (format === 'date-time') return '2026-01-01T00:00:00Z';
  if (format === 'email') return 'learner@example.com';
  if (format === 'uri' || format === 'url') return 'https://example.com/';
  if (format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  const description = typeof schema.description === 'string' ? schema.description : '';
  const nouns = properNouns(hints.userText);
  let text: string;
  if (PLACE.test(name) || /\b(city|location|place)\b/i.test(description)) text = nouns[0] ?? 'Paris';
  else if (ANSWER.test(name)) text = hints.replyText;
  else if (ASKED.test(name)) text = hints.userText.trim() || 'sandbox';
  else if (/name/i.test(name) && nouns[0]) text = nouns[0];
  else text = name ? `sandbox ${name.replace(/[_-]+/g, ' ')}` : 'sandbox';
  return fitLength(text, schema);
}

function fillNumber(schema: JsonSchema, integer: boolean, hints: FillHints): number {
  const min =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + (integer ? 1 : 0.5)
        : -Infinity;
  const max =
    typeof schema.maximum === 'number'
      ? schema.maximum
      : typeof schema.exclusiveMaximum === 'number'
        ? schema.exclusiveMaximum - (integer ? 1 : 0.5)
        : Infinity;
  const fits = (n: number) => n >= min && n <= max && (!integer || Number.isInteger(n));
  const mentioned = numbersIn(hints.userText).find(fits);
  if (mentioned !== undefined) return mentioned;
  const base = Number.isFinite(min) ? min : Number.isFinite(max) ? Math.min(max, 0) : 0;
  return integer ? Math.ceil(base) : base;
}

function pickEnum(values: unknown[], hints: FillHints): Json {
  const lower = hints.userText.toLowerCase();
  const mentioned = values.find((v) => typeof v === 'string' && v && lower.includes(v.toLowerCase()));
  return (mentioned ?? values[0] ?? null) as Json;
}

function build(schema: JsonSchema, root: JsonSchema, name: string, hints: FillHints, depth: number): Json {
  if (depth > 12) return null;
  if (typeof schema.$ref === 'string')
    return build(resolveRef(schema.$ref, root), root, name, hints, depth + 1);
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum)) return pickEnum(schema.enum, hints);
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(options) && options.length) {
    const nonNull = options.find((o) => o.type !== 'null') ?? options[0]!;
    return build(nonNull, root, name, hints, depth + 1);
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length) {
    return build(Object.assign({}, ...(schema.allOf as JsonSchema[])), root, name, hints, depth + 1);
  }
  switch (pickType(schema)) {
    case 'null':
      return null;
    case 'boolean':
      return true;
    case 'integer':
      return fillNumber(schema, true, hints);
    case 'number':
      return fillNumber(schema, false, hints);
    case 'string':
      return fillString(name, schema, hints);
    case 'array': {
      const items = (schema.items && typeof schema.items === 'object' ? schema.items : {}) as JsonSchema;
      const min = typeof schema.minItems === 'number' ? schema.minItems : 1;
      const max = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
      const count = Math.min(Math.max(min, 1), max);
      return Array.from({ length: count }, () => build(items, root, singular(name), hints, depth + 1));
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const out: { [key: string]: Json } = {};
      for (const [key, child] of Object.entries(properties))
        out[key] = build(child, root, key, hints, depth + 1);
      return out;
    }
    default:
      return fillString(name, {}, hints);
  }
}

function singular(name: string): string {
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

/** A value that validates against `schema`, filled from the hints. */
export function sampleFromSchema(schema: JsonSchema, hints: FillHints): Json {
  return build(schema, schema, '', hints, 0);
}

/**
 * What OpenAI's strict mode refuses in a schema, in its words: every object must set
 * `additionalProperties: false` and list all of its properties in `required`. Returns null for a usable schema.
 */
export function strictSchemaProblem(schema: JsonSchema): string | null {
  const visit = (node: unknown, context: string[]): string | null => {
    if (!node || typeof node !== 'object') return null;
    const s = node as JsonSchema;
    const where = `context=(${context.map((c) => `'${c}'`).join(', ')})`;
    if (pickType(s) === 'object' || s.properties) {
      if (s.additionalProperties !== false) {
        return `In ${where}, 'additionalProperties' is required to be supplied and to be false.`;
      }
      const keys = Object.keys((s.properties ?? {}) as object);
      const required = Array.isArray(s.required) ? (s.required as string[]) : [];
      const missing = keys.find((k) => !required.includes(k));
      if (missing) {
        return `In ${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
      }
      for (const [key, child] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) {
        const problem = visit(child, [...context, 'properties', key]);
        if (problem) return problem;
      }
    }
    if (s.items) {
      const problem = visit(s.items, [...context, 'items']);
      if (problem) return problem;
    }
    for (const keyword of ['anyOf', '$defs', 'definitions'] as const) {
      const group = s[keyword];
      if (!group || typeof group !== 'object') continue;
      for (const [key, child] of Object.entries(group as Record<string, unknown>)) {
        const problem = visit(child, [...context, keyword, key]);
        if (problem) return problem;
      }
    }
    return null;
  };
  return visit(schema, []);
}
