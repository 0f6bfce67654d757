import { isChatCompletion } from './endpoint';
import type { Exchange } from './protocol';
import { completionOf, usageRow, type UsageRow } from './usage';

/**
 * Two runs side by side (lesson 3, "Controlling output"): the last chat completion of each, its choices, usage and
 * cost, and the request settings that differ between them.
 */

/** The request settings lesson 3 teaches, in the order the comparison lists them. */
export const COMPARED_SETTINGS = [
  'model',
  'temperature',
  'top_p',
  'n',
  'stop',
  'seed',
  'max_completion_tokens',
  'max_tokens',
  'presence_penalty',
  'frequency_penalty',
  'reasoning_effort',
  'stream',
] as const;
export type ComparedSetting = (typeof COMPARED_SETTINGS)[number];

/** Each choice's text is cut here: the comparison is for reading, the inspector keeps the whole response. */
export const MAX_TEXT = 4_000;
export const MAX_CHOICES = 16;

export interface ComparedChoice {
  index: number;
  text: string;
  truncated: boolean;
  refusal: string | null;
  toolCalls: string[];
  finishReason: string | null;
}

export interface RunSide {
  runId: string;
  exchangeId: string;
  status: number | null;
  model: string | null;
  settings: Partial<Record<ComparedSetting, unknown>>;
  /** The messages sent, as JSON text, to tell whether the prompt changed too. */
  messages: string;
  choices: ComparedChoice[];
  /** More choices than MAX_CHOICES came back. */
  moreChoices: number;
  usage: UsageRow | null;
  /** The API's error message, or why no response arrived. */
  error: string | null;
  /** Chat completions the run made (the last is compared). */
  calls: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);


/** Whether a run has anything to compare: a chat completion that got an answer or an error. */
export function hasChatCompletion(exchanges: readonly Exchange[]): boolean {
  return exchanges.some(isChatCompletion);
}

function errorOf(exchange: Exchange): string | null {
  const body = exchange.response;
  if (isObject(body) && isObject(body.error) && typeof body.error.message === 'string')
    return body.error.message;
  return exchange.error ?? null;
}

function choicesOf(completion: Json | null): { choices: ComparedChoice[]; more: number } {
  const raw = completion && Array.isArray(completion.choices) ? completion.choices.filter(isObject) : [];
  const choices = raw.slice(0, MAX_CHOICES).map((choice, i): ComparedChoice => {
    const message = isObject(choice.message) ? choice.message : {};
    const content = typeof message.content === 'string' ? message.content : '';
    const calls = Array.isArray(message.tool_calls) ? message.tool_calls.filter(isObject) : [];
    return {
      index: typeof choice.index === 'number' ? choice.index : i,
      text: content.slice(0, MAX_TEXT),
      truncated: content.length > MAX_TEXT,
      refusal: typeof message.refusal === 'string' ? message.refusal : null,
      toolCalls: calls.map((call) => {
        const fn = isObject(call.function) ? call.function : {};
        const args = typeof fn.arguments === 'string' ? fn.arguments.slice(0, 500) : '';
        return `${typeof fn.name === 'string' ? fn.name : '?'}(${args})`;
      }),
      finishReason: typeof choice.finish_reason === 'string' ? choice.finish_reason : null,
    };
  });
  return { choices, more: Math.max(0, raw.length - MAX_CHOICES) };
}

/** The side of a comparison a run gives: its last chat completion, or `null` if it made none. */
export function sideOf(runId: string, exchanges: readonly Exchange[]): RunSide | null {
  const chats = exchanges.filter(isChatCompletion);
  const exchange = chats[chats.length - 1];
  if (!exchange) return null;
  const request = isObject(exchange.request) ? exchange.request : {};
  const settings: RunSide['settings'] = {};
  for (const name of COMPARED_SETTINGS) if (request[name] !== undefined) settings[name] = request[name];
  const completion = completionOf(exchange);
  const { choices, more } = choicesOf(completion);
  let messages = '';
  try {
    messages = JSON.stringify(request.messages ?? null).slice(0, 100_000);
  } catch {}
  return {
    runId,
    exchangeId: exchange.id,
    status: exchange.status,
    model:
      completion && typeof completion.model === 'string'
        ? completion.model
        : typeof request.model === 'string'
          ? request.model
          : null,
    settings,
    messages,
    choices,
    moreChoices: more,
    usage: usageRow(exchange),
    error: errorOf(exchange),
    calls: chats.length,
  };
}

export interface SettingDiff {
  name: ComparedSetting;
  /** The pinned run's value as the request sent it (JSON), or `not set`. */
  pinned: string;
  current: string;
}

export function formatSetting(value: unknown): string {
  if (value === undefined) return 'not set';
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 200 ? `${text.slice(0, 199)}…` : text;
  } catch {
    return String(value);
  }
}

/** The settings whose values differ between the two requests, in COMPARED_SETTINGS order. */
export function settingDiffs(pinned: RunSide, current: RunSide): SettingDiff[] {
  return COMPARED_SETTINGS.flatMap((name) => {
    const a = formatSetting(pinned.settings[name]);
    const b = formatSetting(current.settings[name]);
    return a === b ? [] : [{ name, pinned: a, current: b }];
  });
}
