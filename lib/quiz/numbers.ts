/**
 * Reads a number the way people type one: `$0.0075`, `0.0075 USD`, `$1,234.50`, `1 234`, `0,5`, `7.5e-3`,
 * full-width digits and the Unicode minus sign included. Returns null when there is no single number to read.
 */
export function parseNumber(input: string): number | null {
  let s = input
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/[\u2212\u2012\u2013\u2014\ufe63]/g, '-')
    .replace(/\s+/g, '')
    .toLowerCase();
  if (!s) return null;

  let sign = '';
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s[0] === '-' ? '-' : '';
    s = s.slice(1);
  }
  s = s.replace(/^(?:us\$|usd|\$)/, '').replace(/(?:usd|dollars?|tokens?|\$)$/, '');
  if (sign === '' && s.startsWith('-')) {
    sign = '-';
    s = s.slice(1);
  }

  let plain: string;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s))
    plain = s.replace(/,/g, ''); // 1,234.5: thousands separators
  else if (/^\d+,\d+$/.test(s))
    plain = s.replace(',', '.'); // 0,0075: a decimal comma
  else if (/^(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/.test(s)) plain = s;
  else return null;

  const value = Number(sign + plain);
  return Number.isFinite(value) ? value : null;
}

/** Whether `value` is within either bound of `expected`. */
export function withinTolerance(
  value: number,
  expected: number,
  tolerance: { absolute?: number; relative?: number },
): boolean {
  const distance = Math.abs(value - expected);
  const slack = 1e-12; // floating-point noise, never a real allowance
  if (tolerance.absolute !== undefined && distance <= tolerance.absolute + slack) return true;
  if (tolerance.relative !== undefined && distance <= tolerance.relative * Math.abs(expected) + slack)
    return true;
  return false;
}

/**
 * The value of an arithmetic expression a quiz author writes instead of a typed answer: numbers, `+ - * /`,
 * parentheses and unary minus, so "300 + 50 * 10 + 150 * 9" shows the working and yields 2150. Throws on anything
 * else; authors' input, read once when the quiz loads, and at most 200 characters by the schema.
 */
export function evaluateArithmetic(expression: string): number {
  const tokens = expression.match(/\d+(?:\.\d+)?|[-+*/()]|\S/g) ?? [];
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`arithmetic "${expression}": ${why}`);
  };
  const peek = () => tokens[at];
  const primary = (): number => {
    const token = tokens[at++];
    if (token === undefined) return fail('ends too early');
    if (token === '-') return -primary();
    if (token === '(') {
      const inner = sum();
      if (tokens[at++] !== ')') fail('a "(" is not closed');
      return inner;
    }
    if (!/^\d/.test(token)) return fail(`unexpected "${token}"`);
    return Number(token);
  };
  const product = (): number => {
    let value = primary();
    while (peek() === '*' || peek() === '/')
      value = tokens[at++] === '*' ? value * primary() : value / primary();
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (peek() === '+' || peek() === '-')
      value = tokens[at++] === '+' ? value + product() : value - product();
    return value;
  };
  const value = sum();
  if (at !== tokens.length) fail(`unexpected "${tokens[at]}"`);
  if (!Number.isFinite(value)) fail('is not a finite number');
  return value;
}

/** The numbers written in an arithmetic expression, in order. */
export function numbersIn(expression: string): number[] {
  return (expression.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
}
