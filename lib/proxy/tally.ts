import { countTextTokens } from '@/lib/models/tokenizer';

/**
 * Reads a response on its way through, without changing a byte, to learn how many tokens it used: the `usage`
 * object when the backend sent one, else the tokens of the text generated so far (which is what a stream cut
 * short still costs).
 */
interface Usage {
  total_tokens?: number;
}

function generatedText(choices: unknown): string {
  if (!Array.isArray(choices)) return '';
  let text = '';
  for (const choice of choices as { delta?: Record<string, unknown>; message?: Record<string, unknown> }[]) {
    const part = choice.delta ?? choice.message ?? {};
    if (typeof part.content === 'string') text += part.content;
    for (const call of (Array.isArray(part.tool_calls) ? part.tool_calls : []) as {
      function?: { name?: unknown; arguments?: unknown };
    }[]) {
      if (typeof call.function?.name === 'string') text += call.function.name;
      if (typeof call.function?.arguments === 'string') text += call.function.arguments;
    }
  }
  return text;
}

export class UsageTally {
  private usage: Usage | null = null;
  private text = '';
  private buffer = '';
  private readonly decoder = new TextDecoder();

  constructor(private readonly promptTokens: number) {}

  /** Feeds one chunk of an SSE stream. */
  pushSse(bytes: Uint8Array): void {
    this.buffer += this.decoder.decode(bytes, { stream: true });
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      if (!line.startsWith('data:')) continue;
      const data = line.slice(5).trim();
      if (!data || data === '[DONE]') continue;
      this.read(data);
    }
  }

  /** Reads a whole JSON response. */
  pushJson(text: string): void {
    this.read(text);
  }

  private read(json: string): void {
    try {
      const value = JSON.parse(json) as {
        usage?: Usage | null;
        choices?: unknown;
        type?: unknown;
        delta?: unknown;
        response?: { usage?: Usage | null };
      };
      // A Response carries `usage` at the top (JSON) or in its closing event's `response` (SSE).
      const usage = value.usage ?? value.response?.usage;
      if (usage && typeof usage.total_tokens === 'number') this.usage = usage;
      this.text += generatedText(value.choices);
      // Responses stream text and function arguments as `*.delta` events.
      if (typeof value.type === 'string' && value.type.endsWith('.delta') && typeof value.delta === 'string')
        this.text += value.delta;
    } catch {
      // Not JSON: nothing to count.
    }
  }

  /** The backend's own count, when it sent one. */
  get reportedTokens(): number | undefined {
    return this.usage?.total_tokens;
  }

  /** Tokens used: the backend's own count when it gave one. */
  get totalTokens(): number {
    return this.usage?.total_tokens ?? this.promptTokens + countTextTokens(this.text);
  }
}
