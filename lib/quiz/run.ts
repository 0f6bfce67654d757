import type { ChatRequest, Endpoint, ReceivedCompletion, RunExchange } from './exchange';
import { applyRule, type ExchangeRule, type RuleVerdict } from './rules';
import type { ChallengeRule, SingleRule } from './schema';

/** One exchange of a run as the rules see it: what was sent, how it ended, what came back. */
export interface ExchangeView {
  endpoint: Endpoint;
  request: ChatRequest;
  status: number | null;
  received: ReceivedCompletion | null;
  /** The error drill the request carried, if any. */
  drill: string | null;
  /** Why the server's replay of this request got no usable answer. */
  error?: string;
}

export type RunOutcome = 'completed' | 'failed' | 'stopped' | 'timed-out';

export interface RunVerdict extends RuleVerdict {
  /** For rules about one exchange: which exchanges met it (the replay must agree on one of them). */
  exchanges?: number[];
}

export function viewOf(exchange: RunExchange, received: ReceivedCompletion | null): ExchangeView {
  return {
    endpoint: exchange.endpoint,
    request: exchange.request,
    status: exchange.status,
    received,
    drill: exchange.requestHeaders?.['x-tokenwise-drill'] ?? null,
  };
}

const EXCHANGE_KINDS = new Set(['finish_reason', 'choices', 'stream', 'json', 'field']);
const isExchangeRule = (rule: SingleRule): rule is ExchangeRule => EXCHANGE_KINDS.has(rule.kind);

/** Key order does not matter when asking whether two requests were the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Text parts of a message's content: `text` in Chat Completions; `output_text` (an earlier reply sent back) and
 * `input_text` in a Responses `input` list.
 */
const TEXT_PARTS = new Set(['text', 'output_text', 'input_text']);

function textOf(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  const parts = content.flatMap((p) =>
    typeof p === 'object' && p !== null && TEXT_PARTS.has(String((p as { type?: unknown }).type))
      ? [String((p as { text?: unknown }).text ?? '')]
      : [],
  );
  return parts.length ? parts.join('') : null;
}

/** Earlier replies a request sends back: assistant messages in `messages` (chat) or in an `input` list (Responses). */
function assistantTexts(request: ChatRequest): string[] {
  const messages = request.messages ?? (Array.isArray(request.input) ? (request.input as unknown[]) : []);
  return messages.flatMap((m) => {
    if (typeof m !== 'object' || m === null || (m as { role?: unknown }).role !== 'assistant') return [];
    const text = textOf((m as { content?: unknown }).content);
    return text ? [squash(text)] : [];
  });
}

function conversation(views: ExchangeView[], minRequests: number): RuleVerdict {
  const answered = views.filter((v) => v.received);
  if (answered.length < minRequests) {
    return {
      passed: false,
      message: `the run had ${answered.length} answered request(s); this needs ${minRequests}, each sending the conversation so far.`,
    };
  }
  for (const [j, later] of views.entries()) {
    if (!later.received) continue;
    const carried = assistantTexts(later.request);
    const continues = later.request.previous_response_id;
    for (const earlier of views.slice(0, j)) {
      const reply = earlier.received?.choices[0]?.content;
      // A Responses call carries an earlier answer by pointing at it: previous_response_id is that response's id.
      if (continues && earlier.received?.completion.id === continues) {
        return {
          passed: true,
          message: `request ${j + 1} continued response ${continues} with previous_response_id, so the model saw the earlier turn.`,
        };
      }
      if (reply && carried.includes(squash(reply))) {
        return {
          passed: true,
          message: `request ${j + 1} sent an earlier reply back as an assistant message, so the model could build on it.`,
        };
      }
    }
  }
  return {
    passed: false,
    message:
      'no request carried an earlier reply: append the reply (choices[0].message) to messages before asking the next question.',
  };
}

function failedWith(views: ExchangeView[], status: number): number[] {
  return views.flatMap((v, i) => (v.status === status ? [i] : []));
}

function recovered(views: ExchangeView[], status: number): RuleVerdict {
  const failed = failedWith(views, status);
  if (!failed.length)
    return {
      passed: false,
      message: `no request failed with ${status}, so there was nothing to recover from.`,
    };
  for (const i of failed) {
    const same = canonical(views[i]!.request);
    const j = views.findIndex((v, k) => k > i && v.status === 200 && canonical(v.request) === same);
    if (j >= 0)
      return {
        passed: true,
        message: `a request failed with ${status}, was sent again, and attempt ${j + 1} was answered.`,
      };
  }
  return {
    passed: false,
    message: `requests failed with ${status}, but none was sent again until it was answered.`,
  };
}

function errorHandled(
  views: ExchangeView[],
  status: number,
  retried: boolean,
  outcome: RunOutcome | undefined,
): RuleVerdict {
  const failed = failedWith(views, status);
  if (!failed.length) return { passed: false, message: `no request failed with ${status}.` };
  const resent = (i: number) =>
    views.some((v, k) => k !== i && canonical(v.request) === canonical(views[i]!.request));
  // "A request ... was not sent again": one call handled once is enough, though the same run also retries another.
  const sentAgain = retried ? failed.some(resent) : failed.every(resent);
  if (!retried && sentAgain)
    return {
      passed: false,
      message: `the request that failed with ${status} was sent again; turn retries off (maxRetries: 0) and handle the error once.`,
    };
  if (retried && !sentAgain)
    return { passed: false, message: `the request that failed with ${status} was never sent again.` };
  if (outcome !== 'completed')
    return {
      passed: false,
      message: `a request failed with ${status}, but the program did not finish cleanly: catch the error and handle it.`,
    };
  return {
    passed: true,
    message: `a request failed with ${status}${retried ? ', was retried' : ' once, was not retried'}, and the program handled it.`,
  };
}

/** Applies a challenge's rule to a whole run. */
export function evaluate(rule: ChallengeRule, views: ExchangeView[], outcome?: RunOutcome): RunVerdict {
  if (rule.kind === 'all') {
    for (const part of rule.rules) {
      const verdict = evaluate(part, views, outcome);
      if (!verdict.passed) return verdict;
    }
    return { passed: true, message: 'the run met every part of the challenge.' };
  }
  if (isExchangeRule(rule)) {
    const passing: number[] = [];
    let message = views.length
      ? 'no request in the run came back with a response.'
      : 'the run made no chat completion request.';
    for (const [i, view] of views.entries()) {
      if (!view.received) continue;
      const verdict = applyRule(rule, view.request, view.received);
      if (verdict.passed && !passing.length) message = verdict.message;
      if (verdict.passed) passing.push(i);
      else if (!passing.length) message = verdict.message;
    }
    return { passed: passing.length > 0, message, exchanges: passing };
  }
  switch (rule.kind) {
    case 'conversation':
      return conversation(views, rule.minRequests);
    case 'recovered':
      return recovered(views, rule.status);
    case 'error':
      return errorHandled(views, rule.status, rule.retried, outcome);
    case 'completed':
      return outcome === 'completed'
        ? { passed: true, message: 'the program ran to its end without an uncaught error.' }
        : {
            passed: false,
            message: 'the program stopped on an uncaught error: handle that case in your code.',
          };
  }
}
