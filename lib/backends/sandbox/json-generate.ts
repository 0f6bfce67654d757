import { patternGenerator } from './pattern';
import { resolveRef, type JsonSchema } from './strict-schema';

/**
 * Writes JSON text that satisfies a JSON Schema, the way a model writes it: key by key in schema order, each value
 * filled from the conversation where the property name says what belongs there (a city, a question, a number
 * the user gave), plausible otherwise (small numbers, readable strings, real-looking dates). Covers the
 * structured-outputs subset: types and type unions, `enum`, `const`, `anyOf`, `$ref` into `$defs`/`definitions`
 * and `#` (recursion), string `pattern` (via randexp, bounded), `format`, `minLength`/`maxLength`, numbers with
 * `minimum`/`maximum`/`exclusive*`/`multipleOf`, arrays with `minItems`/`maxItems`. `allOf` (outside strict mode)
 * is merged shallowly, best effort.
 *
 * Bounded: the text stops at `maxChars` characters (the caller's output budget) and the value count at
 * `MAX_NODES`; a schema that asks for more (`minLength: 40000`, `minItems: 100000`, recursion with no way out)
 * gets cut-off JSON and `complete: false`, which the caller reports as `finish_reason: "length"`, as the API
 * does when a model runs out of tokens mid-object. Deterministic for the same schema, hints and `random`.
 */

export interface FillHints {
  /** The last user message. */
  userText: string;
  /** A sentence to use where the schema asks for an answer or summary. */
  replyText: string;
  /** What a place-like property should name, when the caller has picked one (parallel calls, one per city). */
  subject?: string;
}

export interface GenerateOptions {
  hints: FillHints;
  /** A number in [0, 1); seeded by the caller. */
  random: () => number;
  maxChars: number;
}

/** Values written in all (a strict schema may have 5,000 properties, so a little more than that). */
export const MAX_NODES = 12_000;
/** Values nested deeper than this end the generation (a recursion with no way out). */
export const MAX_VALUE_DEPTH = 48;
/** Past this depth `anyOf` prefers a branch that ends the recursion (null, a scalar). */
const PREFER_LEAVES_DEPTH = 3;
/** An array with no `minItems` gets this many items (fewer if `maxItems` says so). */
const DEFAULT_ITEMS = 2;
/** A string taken from the conversation is clipped to this (unless `minLength` asks for more). */
const MAX_FILL_CHARS = 240;

class OutOfBudget extends Error {}

const PLACE = /^(location|city|cities|place|country|town|region|destination|address|where|state)$/i;
const ASKED = /(query|question|prompt|input|search|topic|message|text|keyword)/i;
const ANSWER = /(answer|reply|response|summary|explanation|content|result|description|reason)/i;
const STOPWORDS = new Set(
  "I What Whats What's How Why When Where Who Which Is Are Can Could Please Tell Give The A An Do Does Explain Show Find Get Write And Or In On For Compare Check Also Then".split(
    ' ',
  ),
);

/** Capitalised words and runs of them ("New York"), in order, leaving out the word that opens a sentence. */
export function properNouns(text: string): string[] {
  const found: string[] = [];
  for (const match of text.slice(0, 2_000).matchAll(/\b[A-Z][\p{L}'-]*(?:\s+[A-Z][\p{L}'-]*)*/gu)) {
    const before = text.slice(0, match.index).trimEnd();
    const opensSentence = before === '' || /[.!?:]$/.test(before);
    const words = match[0]
      .split(/\s+/)
      .slice(opensSentence ? 1 : 0)
      .filter((word) => !STOPWORDS.has(word));
    if (words.length && !found.includes(words.join(' '))) found.push(words.join(' '));
  }
  return found;
}

/** Numbers the user wrote, leaving out the parts of dates and times. */
function numbersIn(text: string): number[] {
  const plain = text
    .slice(0, 2_000)
    .replace(/\b\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?\b|\b\d{1,2}:\d{2}(?::\d{2})?\b/g, ' ');
  return (plain.match(/(?<![\w.-])-?\d+(?:\.\d+)?/g) ?? []).map(Number);
}

/** One entry memo: a generation reads the same user text for every value it writes. */
function memo<T>(compute: (text: string) => T): (text: string) => T {
  let last: { text: string; value: T } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, value: compute(text) };
    return last.value;
  };
}
const mentionedNumbers = memo(numbersIn);
const mentionedNames = memo(properNouns);
const lowerCase = memo((text: string) => text.toLowerCase());

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max) : flat;
};

function typesOf(schema: JsonSchema): string[] {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

/** True when a branch can end a recursion: no object or array and no reference. */
function isLeaf(schema: JsonSchema): boolean {
  if (schema.$ref !== undefined) return false;
  const types = typesOf(schema);
  return types.length > 0 && types.every((t) => t !== 'object' && t !== 'array');
}

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** Bounds of a number schema: inclusive, with exclusive ones stepped inward. */
function numberBounds(schema: JsonSchema, integer: boolean) {
  const step = integer ? 1 : 0;
  let lo = num(schema.minimum) ?? -Infinity;
  let hi = num(schema.maximum) ?? Infinity;
  const exMin = num(schema.exclusiveMinimum);
  const exMax = num(schema.exclusiveMaximum);
  const exclusiveLo = exMin !== undefined && exMin >= lo;
  const exclusiveHi = exMax !== undefined && exMax <= hi;
  if (exclusiveLo) lo = exMin + step;
  if (exclusiveHi) hi = exMax - step;
  if (integer) [lo, hi] = [Math.ceil(lo), Math.floor(hi)];
  return { lo, hi, exclusiveLo: exclusiveLo && !integer, exclusiveHi: exclusiveHi && !integer };
}

function fits(n: number, schema: JsonSchema, integer: boolean): boolean {
  const { lo, hi, exclusiveLo, exclusiveHi } = numberBounds(schema, integer);
  const multipleOf = num(schema.multipleOf);
  if (integer && !Number.isInteger(n)) return false;
  if (exclusiveLo ? n <= lo : n < lo) return false;
  if (exclusiveHi ? n >= hi : n > hi) return false;
  if (multipleOf && Math.abs(n / multipleOf - Math.round(n / multipleOf)) > 1e-9) return false;
  return true;
}

/** A plausible number: one the user mentioned if it fits, else a small one inside the bounds. */
function pickNumber(schema: JsonSchema, integer: boolean, hints: FillHints, random: () => number): number {
  const mentioned = mentionedNumbers(hints.userText).find((n) => fits(n, schema, integer));
  if (mentioned !== undefined) return mentioned;
  const { lo, hi } = numberBounds(schema, integer);
  const multipleOf = num(schema.multipleOf);
  // Bounds far out (zod's int() adds ±2^53) say nothing about a plausible value.
  const near = (x: number) => Number.isFinite(x) && Math.abs(x) < 1e9;
  let value: number;
  if (near(lo) && near(hi)) value = lo + random() * (hi - lo);
  else if (near(lo)) value = lo + random() * 10;
  else if (near(hi)) value = Math.min(hi, 0) - random() * 10;
  else value = 1 + random() * 9;
  if (multipleOf && multipleOf > 0) {
    value = Math.round(value / multipleOf) * multipleOf;
    if (value < lo) value += multipleOf * Math.ceil((lo - value) / multipleOf);
    if (value > hi) value -= multipleOf * Math.ceil((value - hi) / multipleOf);
    value = Number(value.toPrecision(12));
  } else if (integer) {
    value = Math.floor(value);
  } else {
    value = Math.round(value * 100) / 100;
  }
  value = Math.min(Math.max(value, lo), hi);
  if (!fits(value, schema, integer) && Number.isFinite(lo) && Number.isFinite(hi)) value = (lo + hi) / 2;
  return integer ? Math.round(value) : value;
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function formatted(format: string, hints: FillHints, random: () => number): string | undefined {
  const date = hints.userText.match(/\b\d{4}-\d{2}-\d{2}\b/)?.[0] ?? '2026-12-01';
  switch (format) {
    case 'date':
      return date;
    case 'date-time':
      return `${date}T09:30:00Z`;
    case 'time':
      return '09:30:00Z';
    case 'duration':
      return 'PT1H30M';
    case 'email':
      return 'learner@example.com';
    case 'hostname':
      return 'example.com';
    case 'ipv4':
      return '192.0.2.10';
    case 'ipv6':
      return '2001:db8::10';
    case 'uuid':
      return uuid(random);
    case 'uri':
    case 'url':
      return 'https://example.com/';
    default:
      return undefined;
  }
}

const FILLER = 'This is sandbox text standing in for a model’s words. ';

/** Pads or clips a readable string to the schema's length bounds (characters, as JSON Schema counts them). */
function fitLength(text: string, schema: JsonSchema, room: number): string {
  const min = num(schema.minLength) ?? 0;
  const max = num(schema.maxLength) ?? Infinity;
  let out = Array.from(text);
  if (out.length > max) out = out.slice(0, max);
  if (out.length < min) {
    // Never build more than the budget has room for: the caller ends the text there anyway.
    const want = Math.min(min, room + 1);
    const padding = Array.from(out.length ? ` ${FILLER}` : FILLER);
    while (out.length < want) out.push(padding[out.length % padding.length]!);
  }
  return out.join('');
}

const PERSON = /(name|person|people|participant|attendee|author|owner|who|guest|member|user)/i;

function fillString(
  name: string,
  schema: JsonSchema,
  hints: FillHints,
  random: () => number,
  room: number,
  item: number,
): string {
  if (typeof schema.pattern === 'string') {
    const generator = patternGenerator(schema.pattern);
    if (generator) {
      // A pattern and length bounds together: a few draws usually find a string that meets both.
      const min = num(schema.minLength) ?? 0;
      const max = num(schema.maxLength) ?? Infinity;
      let text = '';
      for (let attempt = 0; attempt < 16; attempt++) {
        text = generator.generate((from, to) => from + Math.floor(random() * (to - from + 1)));
        const length = Array.from(text).length;
        if (length >= min && length <= max) break;
      }
      return text;
    }
  }
  if (typeof schema.format === 'string') {
    const value = formatted(schema.format, hints, random);
    if (value !== undefined) return value;
  }
  const description = typeof schema.description === 'string' ? schema.description : '';
  const nouns = mentionedNames(hints.userText);
  // Names that read like a format get one (a "date" with no `format` still gets a date).
  const byName = /(^|_)(date|day)$/i.test(name)
    ? formatted('date', hints, random)
    : /(^|_)(email|e_?mail)$/i.test(name)
      ? formatted('email', hints, random)
      : /(^|_)(url|link|website|homepage)$/i.test(name)
        ? formatted('uri', hints, random)
        : undefined;
  let text: string;
  if (byName !== undefined) text = byName;
  else if (PLACE.test(name) || /\b(city|location|place)\b/i.test(description))
    text = hints.subject ?? nouns[item % Math.max(nouns.length, 1)] ?? 'Paris';
  else if (ANSWER.test(name)) text = clip(hints.replyText, MAX_FILL_CHARS * 2);
  else if (ASKED.test(name)) text = clip(hints.userText, MAX_FILL_CHARS) || 'sandbox';
  else if (PERSON.test(name) && nouns.length) text = nouns[item % nouns.length]!;
  else text = name ? `sandbox ${name.replace(/[_-]+/g, ' ').trim()}` : 'sandbox text';
  return fitLength(text, schema, room);
}

function mergeAllOf(schema: JsonSchema): JsonSchema {
  const parts = (schema.allOf as unknown[]).filter(
    (p): p is JsonSchema => Boolean(p) && typeof p === 'object',
  );
  const merged: JsonSchema = { ...schema };
  delete merged.allOf;
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties' && merged.properties && typeof merged.properties === 'object') {
        merged.properties = { ...(merged.properties as object), ...(value as object) };
      } else if (!(key in merged)) merged[key] = value;
    }
  }
  return merged;
}

const singular = (name: string) => (name.endsWith('s') ? name.slice(0, -1) : name);

/** JSON text for `schema`; `complete` is false when the budget ran out and the text is cut off. */
export function generateJson(
  schema: JsonSchema,
  { hints, random, maxChars }: GenerateOptions,
): { text: string; complete: boolean } {
  const out: string[] = [];
  let length = 0;
  let nodes = 0;
  const write = (text: string) => {
    out.push(text);
    length += text.length;
    if (length > maxChars) throw new OutOfBudget();
  };

  const value = (node: JsonSchema, name: string, depth: number, refs: number, item = 0): void => {
    if (++nodes > MAX_NODES || depth > MAX_VALUE_DEPTH || refs > MAX_VALUE_DEPTH) throw new OutOfBudget();
    if (typeof node.$ref === 'string') {
      // A reference that points nowhere is a schema error the strict check reports; outside strict, anything goes.
      return value(resolveRef(node.$ref, schema) ?? {}, name, depth, refs + 1, item);
    }
    if (Array.isArray(node.allOf) && node.allOf.length)
      return value(mergeAllOf(node), name, depth, refs + 1, item);
    if ('const' in node) return write(JSON.stringify(node.const ?? null));
    if (Array.isArray(node.enum) && node.enum.length) {
      const lower = lowerCase(hints.userText);
      const mentioned = node.enum.find((v) => typeof v === 'string' && v && lower.includes(v.toLowerCase()));
      return write(JSON.stringify(mentioned ?? node.enum[0] ?? null));
    }
    const options = (
      Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : []
    ).filter((o): o is JsonSchema => Boolean(o) && typeof o === 'object');
    if (options.length) {
      const nonNull = options.filter((o) => o.type !== 'null');
      const pick =
        depth >= PREFER_LEAVES_DEPTH
          ? (options.find((o) => o.type === 'null') ?? options.find(isLeaf) ?? nonNull[0] ?? options[0]!)
          : (nonNull[0] ?? options[0]!);
      // Sibling keywords of anyOf (a description, say) carry over to the branch.
      const rest = { ...node };
      delete rest.anyOf;
      delete rest.oneOf;
      return value({ ...rest, ...pick }, name, depth, refs + 1, item);
    }
    const types = typesOf(node);
    const nonNullTypes = types.filter((t) => t !== 'null');
    const type =
      depth >= PREFER_LEAVES_DEPTH &&
      types.includes('null') &&
      nonNullTypes.some((t) => t === 'object' || t === 'array')
        ? 'null'
        : (nonNullTypes[0] ?? types[0]);
    switch (type) {
      case 'null':
        return write('null');
      case 'boolean':
        return write('true');
      case 'integer':
        return write(String(pickNumber(node, true, hints, random)));
      case 'number':
        return write(String(pickNumber(node, false, hints, random)));
      case 'array': {
        const items =
          node.items && typeof node.items === 'object' && !Array.isArray(node.items)
            ? (node.items as JsonSchema)
            : {};
        const min = Math.max(0, num(node.minItems) ?? 0);
        const max = num(node.maxItems) ?? Infinity;
        const count = Math.min(Math.max(min, depth >= PREFER_LEAVES_DEPTH ? min : DEFAULT_ITEMS), max);
        write('[');
        for (let i = 0; i < count; i++) {
          if (i) write(',');
          value(items, singular(name), depth + 1, refs, i);
        }
        return write(']');
      }
      case 'object': {
        const properties = (
          node.properties && typeof node.properties === 'object' ? node.properties : {}
        ) as Record<string, JsonSchema>;
        write('{');
        let first = true;
        for (const [key, child] of Object.entries(properties)) {
          write(`${first ? '' : ','}${JSON.stringify(key)}:`);
          first = false;
          value(child && typeof child === 'object' ? child : {}, key, depth + 1, refs);
        }
        return write('}');
      }
      default:
        // A string, or a schema that says nothing about its type: a readable string fits either.
        return write(JSON.stringify(fillString(name, node, hints, random, maxChars - length, item)));
    }
  };

  try {
    value(schema, '', 0, 0);
    return { text: out.join(''), complete: true };
  } catch (error) {
    if (!(error instanceof OutOfBudget)) throw error;
    return { text: out.join('').slice(0, maxChars), complete: false };
  }
}

/** A seeded generator of numbers in [0, 1) (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
