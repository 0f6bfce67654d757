/**
 * Server-sent events, as OpenAI streams them: `data: <json>` lines, events separated by a blank line, and a final
 * `data: [DONE]`. Fed text in arbitrary pieces, it returns each complete event's data.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  done = false;

  push(text: string): string[] {
    this.buffer += text;
    const events: string[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) !== -1) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      this.line(line, events);
    }
    return events;
  }

  /** Flushes an event left without its closing blank line. */
  end(): string[] {
    const events: string[] = [];
    if (this.buffer) this.line(this.buffer, events);
    this.buffer = '';
    this.line('', events);
    return events;
  }

  private line(line: string, events: string[]) {
    if (line === '') {
      if (this.data.length) {
        const data = this.data.join('\n');
        this.data = [];
        if (data === '[DONE]') this.done = true;
        else events.push(data);
      }
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
  }
}

/** Every event of a whole SSE body, each parsed as JSON when it is JSON. */
export function parseSseBody(body: string): unknown[] {
  const parser = new SseParser();
  return [...parser.push(body), ...parser.end()].map(parseMaybeJson);
}

export function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
