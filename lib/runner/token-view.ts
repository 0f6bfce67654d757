/**
 * A request's messages as the model reads them: each message's text split into tokens (id and text), its count,
 * and the chat format's overhead. The overhead is the cookbook's estimate for gpt-4o and gpt-4o-mini: 3 tokens per
 * message plus its role (and its name, with 1 more), and 3 to prime the reply; the API's `usage.prompt_tokens` is
 * the real figure.
 * The encoder is passed in, so the page can load it only when the learner asks to see tokens.
 */
export interface Encoder {
  encode(text: string): number[];
  decode(ids: number[]): string;
}

export interface TokenPiece {
  id: number;
  text: string;
}

export interface MessageTokens {
  role: string;
  name?: string;
  tokens: TokenPiece[];
  /** Tokens of the text alone. */
  count: number;
  /** What the format adds: 3 per message, the role's tokens, and a name's tokens plus 1. */
  overhead: number;
}

export interface TokenView {
  messages: MessageTokens[];
  /** Tokens that prime the reply (`<|start|>assistant<|message|>`). */
  priming: number;
  total: number;
}

export const PER_MESSAGE = 3;
export const PER_NAME = 1;
export const PRIMING = 3;
/** Tokens shown per message; the count covers all of them. */
export const MAX_SHOWN_TOKENS = 2_000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A message's text: a string, or its text parts joined (images and audio are not text). */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((p) => (isObject(p) && typeof p.text === 'string' ? p.text : '')).join('');
}

/** Null when the request has no `messages` (a Responses call, or not a chat request at all). */
export function tokenView(request: unknown, encoder: Encoder): TokenView | null {
  if (!isObject(request) || !Array.isArray(request.messages)) return null;
  const messages = request.messages.filter(isObject).map((m): MessageTokens => {
    const ids = encoder.encode(textOf(m.content));
    const role = String(m.role ?? '?');
    const name = typeof m.name === 'string' ? m.name : undefined;
    return {
      role,
      ...(name ? { name } : {}),
      tokens: ids.slice(0, MAX_SHOWN_TOKENS).map((id) => ({ id, text: encoder.decode([id]) })),
      count: ids.length,
      overhead:
        PER_MESSAGE + encoder.encode(role).length + (name ? encoder.encode(name).length + PER_NAME : 0),
    };
  });
  const total = messages.reduce((sum, m) => sum + m.count + m.overhead, 0) + PRIMING;
  return { messages, priming: PRIMING, total };
}
