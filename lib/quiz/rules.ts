import { z } from 'zod';
import type { ChatRequest, ReceivedCompletion } from './exchange';
import { readPath } from './path';
import type { SingleRule } from './schema';

/** The rules one exchange can meet on its own; the others look at the whole run (see `run.ts`). */
export type ExchangeRule = Extract<
  SingleRule,
  { kind: 'finish_reason' | 'choices' | 'stream' | 'json' | 'field' }
>;

export interface RuleVerdict {
  passed: boolean;
  /** What the exchange showed, in a sentence a learner can act on. */
  message: string;
}

const quote = (v: string | null) => (v === null ? 'null' : `"${v}"`);

/** Applies one challenge rule to one request and what came back for it. */
export function applyRule(
  rule: ExchangeRule,
  request: ChatRequest,
  received: ReceivedCompletion,
): RuleVerdict {
  switch (rule.kind) {
    case 'finish_reason': {
      const reasons = [...new Set(received.choices.map((c) => c.finishReason))];
      return reasons.includes(rule.equals)
        ? { passed: true, message: `the response came back with finish_reason ${quote(rule.equals)}.` }
        : {
            passed: false,
            message: `finish_reason was ${reasons.map(quote).join(' and ') || 'missing'}, not ${quote(rule.equals)}.`,
          };
    }
    case 'choices': {
      const asked = request.n ?? 1;
      const got = received.choices.length;
      if (asked < rule.atLeast)
        return {
          passed: false,
          message: `the request asked for n: ${asked}; ask for ${rule.atLeast} choices in one request.`,
        };
      if (got < rule.atLeast)
        return { passed: false, message: `the response held ${got} choices, fewer than ${rule.atLeast}.` };
      return { passed: true, message: `one request asked for n: ${asked} and got ${got} choices back.` };
    }
    case 'stream': {
      if (request.stream !== true || !received.streamed)
        return { passed: false, message: 'the reply was not streamed; pass stream: true.' };
      if (received.contentChunks < rule.minContentChunks) {
        return {
          passed: false,
          message: `the stream carried ${received.contentChunks} pieces of text, fewer than ${rule.minContentChunks}.`,
        };
      }
      return { passed: true, message: `the reply arrived in ${received.contentChunks} streamed pieces.` };
    }
    case 'json': {
      // Chat asks in `response_format`; the Responses API in `text.format`.
      const format =
        request.response_format?.type ??
        (request.text as { format?: { type?: unknown } } | undefined)?.format?.type;
      if (format !== 'json_object' && format !== 'json_schema') {
        return {
          passed: false,
          message:
            'the request did not ask for JSON; set response_format (or, on the Responses API, text.format) to json_object or json_schema.',
        };
      }
      const validator = rule.schema
        ? z.fromJSONSchema(rule.schema as Parameters<typeof z.fromJSONSchema>[0])
        : z.unknown();
      let last = 'the reply had no text.';
      for (const choice of received.choices) {
        if (choice.content === null) continue;
        let data: unknown;
        try {
          data = JSON.parse(choice.content);
        } catch {
          last = 'the reply is not valid JSON.';
          continue;
        }
        const result = validator.safeParse(data);
        if (result.success) return { passed: true, message: 'the reply is JSON that matches the schema.' };
        const issue = result.error.issues[0];
        last = `the reply is JSON, but ${issue?.path.join('.') || 'its top level'} does not match the schema: ${issue?.message ?? 'invalid'}.`;
      }
      return { passed: false, message: last };
    }
    case 'field':
      return applyFieldRule(rule, rule.in === 'request' ? request : received.completion);
  }
}

const show = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v));

function applyFieldRule(rule: Extract<ExchangeRule, { kind: 'field' }>, source: unknown): RuleVerdict {
  const value = readPath(source, rule.path);
  const where = `${rule.in === 'request' ? 'the request' : 'the response'}'s ${rule.path}`;
  const fail = (wanted: string) => ({ passed: false, message: `${where} was ${show(value)}; ${wanted}.` });
  if (rule.exists === true && (value === undefined || value === null)) return fail('it must be set');
  if (rule.exists === false && value !== undefined && value !== null) return fail('it must be left out');
  if (rule.equals !== undefined && value !== rule.equals) return fail(`it must be ${show(rule.equals)}`);
  if (rule.atLeast !== undefined && !(typeof value === 'number' && value >= rule.atLeast))
    return fail(`it must be at least ${rule.atLeast}`);
  if (rule.atMost !== undefined && !(typeof value === 'number' && value <= rule.atMost))
    return fail(`it must be at most ${rule.atMost}`);
  if (
    rule.includes !== undefined &&
    !(typeof value === 'string' && value.toLowerCase().includes(rule.includes.toLowerCase()))
  ) {
    return fail(`it must contain "${rule.includes}"`);
  }
  return { passed: true, message: `${where} is ${show(value)}.` };
}
