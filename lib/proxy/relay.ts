import type { Reservation } from '@/lib/limits';
import { UsageTally } from './tally';

/**
 * The last two steps of a chat call: relay the backend's answer to the client (JSON whole, SSE as it arrives),
 * reading its usage on the way, then settle the token reservation to what the call really cost.
 */

/** What a call is settled at: the backend's own usage; without one, the whole reservation when the server pays. */
export function tokensToSettle(tally: UsageTally, reserved: number, serverKey: boolean): number {
  if (tally.reportedTokens !== undefined) return tally.reportedTokens;
  // No usage came back (a stream cut short, a server that ignores include_usage): the text seen so far misses
  // reasoning tokens, so the server's budget is charged everything it reserved.
  return serverKey ? reserved : tally.totalTokens;
}

/**
 * Drops the usage-only chunk (`choices: []` with `usage`) from an SSE stream, for a client that did not ask for it:
 * the proxy asked on its behalf, to know what a server-paid stream cost. Everything else passes through byte for
 * byte, a whole event at a time.
 */
export class UsageChunkFilter {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  private readonly encoder = new TextEncoder();

  push(bytes: Uint8Array): Uint8Array {
    this.buffer += this.decoder.decode(bytes, { stream: true });
    let out = '';
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const event = this.buffer.slice(0, end + 2);
      this.buffer = this.buffer.slice(end + 2);
      if (!isUsageOnly(event)) out += event;
    }
    return this.encoder.encode(out);
  }

  /** Whatever is left when the stream ends (an event without its blank line). */
  flush(): Uint8Array {
    const rest = this.buffer + this.decoder.decode();
    this.buffer = '';
    return this.encoder.encode(isUsageOnly(rest) ? '' : rest);
  }
}

function isUsageOnly(event: string): boolean {
  const data = event
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim())
    .join('');
  if (!data.startsWith('{') || !data.includes('"usage"')) return false;
  try {
    const chunk = JSON.parse(data) as { choices?: unknown; usage?: unknown };
    return Array.isArray(chunk.choices) && chunk.choices.length === 0 && chunk.usage != null;
  } catch {
    return false;
  }
}

export interface RelayOptions {
  response: Response;
  stream: boolean;
  headers: Record<string, string>;
  reservation: Reservation;
  reserved: number;
  serverKey: boolean;
  promptTokens: number;
  /** Strip the usage chunk the client did not ask for. */
  hideUsageChunk: boolean;
  /** Called once when the call is over: how it ended and the tokens it was settled at. */
  onEnd: (how: string, tokens: number) => void;
  /** Aborts the backend call (the client went away). */
  abort: () => void;
}

/** Settles a reservation once, from what the tally saw; never throws (limits must not break an answer). */
async function settle(
  { reservation, reserved, serverKey }: RelayOptions,
  tally: UsageTally,
): Promise<number> {
  const tokens = tokensToSettle(tally, reserved, serverKey);
  await reservation.settle(tokens).catch(() => {});
  return tokens;
}

/** A whole JSON answer: read, tally, settle, pass on. A failure while reading is thrown for the caller to map. */
export async function relayJson(options: RelayOptions): Promise<Response> {
  const tally = new UsageTally(options.promptTokens);
  let text: string;
  try {
    text = await options.response.text();
  } catch (error) {
    await settle(options, tally);
    throw error;
  }
  tally.pushJson(text);
  options.onEnd('done', await settle(options, tally));
  return new Response(text, { status: options.response.status, headers: options.headers });
}

/** An SSE answer, chunk by chunk as it arrives; the reservation settles when the stream ends, fails or is cancelled. */
export function relayStream(options: RelayOptions): Response {
  const tally = new UsageTally(options.promptTokens);
  const filter = options.hideUsageChunk ? new UsageChunkFilter() : undefined;
  const reader = options.response.body!.getReader();
  let finished = false;
  const finish = (how: string) => {
    if (finished) return;
    finished = true;
    void settle(options, tally).then((tokens) => options.onEnd(how, tokens));
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(out) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          const rest = filter?.flush();
          if (rest?.byteLength) out.enqueue(rest);
          out.close();
          finish('done');
          return;
        }
        tally.pushSse(value);
        const passed = filter ? filter.push(value) : value;
        if (passed.byteLength) out.enqueue(passed);
      } catch (error) {
        // The backend broke off (or ran out of time): break off too, so the client sees what happened.
        out.error(error);
        finish('broken');
      }
    },
    cancel(reason) {
      options.abort();
      reader.cancel(reason).catch(() => {});
      finish('client_closed');
    },
  });
  return new Response(body, {
    status: options.response.status,
    headers: { ...options.headers, 'cache-control': 'no-cache', 'x-accel-buffering': 'no' },
  });
}
