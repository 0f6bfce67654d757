/**
 * Rewrites module specifiers in emitted JavaScript: `import OpenAI from 'openai'` must load the bundled SDK, and
 * Web Workers have no import maps. A small scanner (strings, templates, comments and regular expressions skipped)
 * finds the string literals that follow `from`, `import` or `import(`, so text inside strings is never touched.
 */

export interface RewriteResult {
  code: string;
  /** Specifiers `resolve` returned `null` for. */
  unresolved: string[];
}

const REGEX_AFTER = new Set([
  '(',
  ',',
  '=',
  ':',
  '[',
  '!',
  '&',
  '|',
  '?',
  '{',
  '}',
  ';',
  '+',
  '-',
  '*',
  '%',
  '<',
  '>',
  '~',
  '^',
]);
const REGEX_AFTER_WORDS = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

export function rewriteImports(code: string, resolve: (specifier: string) => string | null): RewriteResult {
  let out = '';
  let last = 0;
  const unresolved: string[] = [];
  // The last two significant tokens before the current position.
  let prev = '';
  let prev2 = '';
  const templateDepth: number[] = [];
  let braceDepth = 0;
  let i = 0;

  const push = (token: string) => {
    prev2 = prev;
    prev = token;
  };

  while (i < code.length) {
    const ch = code[i]!;
    const next = code[i + 1];
    if (ch === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      i = end === -1 ? code.length : end;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end === -1 ? code.length : end + 2;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const end = stringEnd(code, i, ch);
      const literal = code.slice(i + 1, end - 1);
      const isSpecifier =
        prev === 'from' || (prev === 'import' && prev2 !== '.') || (prev === '(' && prev2 === 'import');
      if (isSpecifier) {
        const target = resolve(literal);
        if (target === null) unresolved.push(literal);
        else if (target !== literal) {
          out += code.slice(last, i) + JSON.stringify(target);
          last = end;
        }
      }
      push('string');
      i = end;
      continue;
    }
    if (ch === '`') {
      i = templateEnd(code, i + 1, templateDepth, braceDepth);
      push('template');
      continue;
    }
    if (ch === '}' && templateDepth.length && templateDepth[templateDepth.length - 1] === braceDepth) {
      templateDepth.pop();
      i = templateEnd(code, i + 1, templateDepth, braceDepth);
      push('template');
      continue;
    }
    if (ch === '/') {
      const regexAllowed = prev === '' || REGEX_AFTER.has(prev) || REGEX_AFTER_WORDS.has(prev);
      if (regexAllowed) {
        i = regexEnd(code, i + 1);
        push('regex');
        continue;
      }
    }
    if (/[A-Za-z_$]/.test(ch)) {
      let end = i + 1;
      while (end < code.length && /[\w$]/.test(code[end]!)) end++;
      push(code.slice(i, end));
      i = end;
      continue;
    }
    if (/[0-9]/.test(ch)) {
      let end = i + 1;
      while (end < code.length && /[\w.]/.test(code[end]!)) end++;
      push('number');
      i = end;
      continue;
    }
    if (ch === '{') braceDepth++;
    if (ch === '}') braceDepth--;
    push(ch);
    i++;
  }
  return { code: out + code.slice(last), unresolved };
}

function stringEnd(code: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < code.length && code[i] !== quote && code[i] !== '\n') i += code[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, code.length);
}

/** Scans template text from `i`; stops after the closing backtick, or after `${` (recording the brace depth). */
function templateEnd(code: string, i: number, stack: number[], braceDepth: number): number {
  while (i < code.length) {
    const ch = code[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '`') return i + 1;
    if (ch === '$' && code[i + 1] === '{') {
      stack.push(braceDepth);
      return i + 2;
    }
    i++;
  }
  return i;
}

function regexEnd(code: string, i: number): number {
  let inClass = false;
  while (i < code.length && code[i] !== '\n') {
    const ch = code[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) {
      i++;
      while (i < code.length && /[a-z]/i.test(code[i]!)) i++;
      return i;
    }
    i++;
  }
  return i;
}
