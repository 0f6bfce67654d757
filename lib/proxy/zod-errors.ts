import type { z } from 'zod';
import { ApiError, apiErrors, type ApiErrorCode } from '@/lib/errors';

/**
 * Turns the first zod issue of a request body into the 400 the OpenAI API would give for it, with its
 * `param` (`messages[0].role`) and `code` (`decimal_above_max_value`, `missing_required_parameter`, ...).
 */
type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** Parameters the API types as integers; the rest of the numbers are decimals. */
const INTEGER_PARAMS = new Set(['n', 'max_tokens', 'max_completion_tokens', 'top_logprobs', 'seed', 'max_output_tokens', 'max_tool_calls']);

export function formatParam(path: Path): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function valueAt(body: unknown, path: Path): unknown {
  let node = body;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function describeExpected(expected: string, param: string): string {
  if (expected === 'number') return INTEGER_PARAMS.has(param) ? 'an integer' : 'a decimal';
  if (expected === 'int') return 'an integer';
  if (expected === 'array' || expected === 'object') return `an ${expected}`;
  return `a ${expected}`;
}

const quote = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));
const listValues = (values: readonly unknown[]) =>
  values.length > 1
    ? `${values.slice(0, -1).map(quote).join(', ')}, and ${quote(values[values.length - 1])}`
    : values.map(quote).join('');

/** In a union, the branch that got furthest: one whose complaint is not about the value's type itself. */
function bestBranch(errors: Issue[][]): Issue[] | undefined {
  return (
    errors.find(
      (branch) => branch[0] && !(branch[0].code === 'invalid_type' && branch[0].path.length === 0),
    ) ?? undefined
  );
}

function toApiError(issue: Issue, body: unknown, prefix: Path = []): ApiError {
  const path = [...prefix, ...issue.path];
  const param = formatParam(path);
  const value = valueAt(body, path);
  const bad = (message: string, code: ApiErrorCode | null) =>
    apiErrors.badRequest(message, param || null, code);

  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined)
        return bad(`Missing required parameter: '${param}'.`, 'missing_required_parameter');
      return bad(
        `Invalid type for '${param}': expected ${describeExpected(issue.expected, param)}, but got ${describeType(value)} instead.`,
        'invalid_type',
      );
    case 'too_small': {
      if (issue.origin === 'array') {
        return Number(issue.minimum) === 1
          ? bad(
              `Invalid '${param}': empty array. Expected an array with minimum length 1, but got an empty array instead.`,
              'empty_array',
            )
          : bad(
              `Invalid '${param}': array too short. Expected an array with minimum length ${issue.minimum}.`,
              'invalid_value',
            );
      }
      if (issue.origin === 'string')
        return bad(
          `Invalid '${param}': string too short. Expected a string with minimum length ${issue.minimum}.`,
          'invalid_value',
        );
      const integer = INTEGER_PARAMS.has(param);
      return bad(
        `Invalid '${param}': ${integer ? 'integer' : 'decimal'} below minimum value. Expected a value >= ${issue.minimum}, but got ${JSON.stringify(value)} instead.`,
        integer ? 'integer_below_min_value' : 'decimal_below_min_value',
      );
    }
    case 'too_big': {
      if (issue.origin === 'array') {
        return bad(
          `Invalid '${param}': array too long. Expected an array with maximum length ${issue.maximum}, but got an array with length ${Array.isArray(value) ? value.length : '?'} instead.`,
          'array_above_max_length',
        );
      }
      if (issue.origin === 'string') {
        return bad(
          `Invalid '${param}': string too long. Expected a string with maximum length ${issue.maximum}, but got a string with length ${typeof value === 'string' ? value.length : '?'} instead.`,
          'string_above_max_length',
        );
      }
      const integer = INTEGER_PARAMS.has(param);
      return bad(
        `Invalid '${param}': ${integer ? 'integer' : 'decimal'} above maximum value. Expected a value <= ${issue.maximum}, but got ${JSON.stringify(value)} instead.`,
        integer ? 'integer_above_max_value' : 'decimal_above_max_value',
      );
    }
    case 'invalid_value':
      return bad(
        `Invalid value: ${quote(value)}. Supported values are: ${listValues(issue.values)}.`,
        'invalid_value',
      );
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const full = formatParam([...path, key]);
      return apiErrors.badRequest(`Unknown parameter: '${full}'.`, full, 'unknown_parameter');
    }
    case 'invalid_union': {
      if ('options' in issue && issue.options) {
        if (value === undefined)
          return bad(`Missing required parameter: '${param}'.`, 'missing_required_parameter');
        return bad(
          `Invalid value: ${quote(value)}. Supported values are: ${listValues(issue.options as unknown[])}.`,
          'invalid_value',
        );
      }
      if (value === undefined)
        return bad(`Missing required parameter: '${param}'.`, 'missing_required_parameter');
      const branch = bestBranch(issue.errors);
      if (branch?.[0]) return toApiError(branch[0], body, path);
      const expected = issue.errors.flatMap((b) =>
        b[0]?.code === 'invalid_type' ? [describeExpected(b[0].expected, param)] : [],
      );
      return bad(
        `Invalid type for '${param}': expected one of ${expected.join(' or ') || 'the documented shapes'}, but got ${describeType(value)} instead.`,
        'invalid_type',
      );
    }
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue
        ? bad(
            `Invalid '${param}': string does not match pattern. Expected a string that matches the pattern '${String(issue.pattern)}'.`,
            'invalid_value',
          )
        : bad(`Invalid '${param}': ${issue.message}.`, 'invalid_value');
    case 'custom': {
      const code = (issue.params as { code?: ApiErrorCode } | undefined)?.code ?? 'invalid_value';
      return bad(issue.message, code);
    }
    default:
      return bad(`Invalid '${param}': ${issue.message}.`, 'invalid_value');
  }
}

/** Missing required parameters first, then unknown ones, then the rest in order: one error, like the API. */
export function zodToApiError(error: z.ZodError, body: unknown): ApiError {
  const issues = error.issues;
  const rank = (issue: Issue) => {
    if (issue.path.length === 1 && issue.code === 'invalid_type' && valueAt(body, issue.path) === undefined)
      return 0;
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) return 1;
    return 2;
  };
  const first = [...issues].sort((a, b) => rank(a) - rank(b))[0];
  return first
    ? toApiError(first, body)
    : new ApiError(400, 'Invalid request body.', { code: 'invalid_value' });
}
