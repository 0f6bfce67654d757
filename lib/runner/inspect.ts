/**
 * Formats console arguments the way Node's `console.log` does (`util.format` and a small `util.inspect`), so a
 * lesson's output in the browser reads like it would in a terminal: top-level strings raw, nested ones quoted,
 * objects as `{ key: value }`, two levels deep by default.
 */

const BREAK_AT = 72;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

interface Options {
  depth: number;
}

export function formatArgs(args: readonly unknown[], options: Partial<Options> = {}): string {
  const opts: Options = { depth: 2, ...options };
  const [first, ...rest] = args;
  if (typeof first !== 'string' || !first.includes('%')) return args.map((a) => formatTop(a, opts)).join(' ');

  let index = 0;
  const formatted = first.replace(/%([sdifjoOc%])/g, (match, letter: string) => {
    if (letter === '%') return '%';
    if (index >= rest.length) return match;
    const value = rest[index++];
    switch (letter) {
      case 's':
        return typeof value === 'string'
          ? value
          : typeof value === 'bigint'
            ? `${value}n`
            : inspect(value, { depth: 1 });
      case 'd':
      case 'i': {
        if (typeof value === 'bigint') return `${value}n`;
        const n = Number(value);
        return String(letter === 'i' ? Math.trunc(n) : n);
      }
      case 'f':
        return String(Number.parseFloat(String(value)));
      case 'j':
        try {
          return JSON.stringify(value) ?? 'undefined';
        } catch {
          return '[Circular]';
        }
      case 'c':
        return '';
      default:
        return inspect(value, { depth: letter === 'O' ? opts.depth : 4 });
    }
  });
  return [formatted, ...rest.slice(index).map((a) => formatTop(a, opts))].join(' ');
}

function formatTop(value: unknown, opts: Options): string {
  return typeof value === 'string' ? value : inspect(value, opts);
}

export function inspect(value: unknown, options: Partial<Options> = {}): string {
  const opts: Options = { depth: 2, ...options };
  return format(value, opts.depth, new Set(), 0);
}

function quote(text: string): string {
  const q = !text.includes("'") ? "'" : !text.includes('"') ? '"' : !text.includes('`') ? '`' : "'";
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replaceAll(q, `\\${q}`);
  return `${q}${escaped}${q}`;
}

function formatKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

function constructorName(value: object): string | null {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return '[Object: null prototype]';
  const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== 'Object' ? name : null;
}

function formatError(error: Error, depth: number, seen: Set<object>, indent: number): string {
  const head =
    error.stack && error.stack.includes(error.message) ? error.stack : `${error.name}: ${error.message}`;
  const extra = Object.keys(error).filter((k) => k !== 'stack' && k !== 'message');
  if (!extra.length || depth < 0) return head;
  const body = extra.map(
    (k) =>
      `${formatKey(k)}: ${format((error as unknown as Record<string, unknown>)[k], depth - 1, seen, indent + 2)}`,
  );
  return `${head} ${wrap('{', '}', body, indent)}`;
}

function wrap(open: string, close: string, items: string[], indent: number): string {
  if (!items.length) return `${open}${close}`;
  const oneLine = `${open} ${items.join(', ')} ${close}`;
  if (oneLine.length + indent <= BREAK_AT && !oneLine.includes('\n')) return oneLine;
  const pad = ' '.repeat(indent + 2);
  return `${open}\n${items.map((i) => pad + i).join(',\n')}\n${' '.repeat(indent)}${close}`;
}

function format(value: unknown, depth: number, seen: Set<object>, indent: number): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function': {
      const source = Function.prototype.toString.call(value);
      if (source.startsWith('class')) return `[class ${value.name || '(anonymous)'}]`;
      return value.name ? `[Function: ${value.name}]` : '[Function (anonymous)]';
    }
  }
  if (value === null) return 'null';
  const object = value as object;
  if (seen.has(object)) return '[Circular]';
  if (value instanceof Error) return withSeen(seen, object, () => formatError(value, depth, seen, indent));
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (value instanceof Promise) return 'Promise { <pending> }';

  const name = constructorName(object);
  if (depth < 0) return Array.isArray(value) ? '[Array]' : `[${name ?? 'Object'}]`;

  return withSeen(seen, object, () => {
    if (Array.isArray(value)) {
      const items = value.slice(0, 100).map((v) => format(v, depth - 1, seen, indent + 2));
      if (value.length > 100) items.push(`... ${value.length - 100} more items`);
      return wrap('[', ']', items, indent);
    }
    if (value instanceof Map) {
      const items = [...value].map(
        ([k, v]) => `${format(k, depth - 1, seen, indent + 2)} => ${format(v, depth - 1, seen, indent + 2)}`,
      );
      return `Map(${value.size}) ${wrap('{', '}', items, indent)}`;
    }
    if (value instanceof Set) {
      const items = [...value].map((v) => format(v, depth - 1, seen, indent + 2));
      return `Set(${value.size}) ${wrap('{', '}', items, indent)}`;
    }
    const items = Object.keys(object).map(
      (k) =>
        `${formatKey(k)}: ${format((object as Record<string, unknown>)[k], depth - 1, seen, indent + 2)}`,
    );
    const body = wrap('{', '}', items, indent);
    return name ? `${name} ${body}` : body;
  });
}

function withSeen(seen: Set<object>, object: object, fn: () => string): string {
  seen.add(object);
  try {
    return fn();
  } finally {
    seen.delete(object);
  }
}
