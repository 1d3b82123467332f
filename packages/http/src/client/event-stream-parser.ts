// A Server-Sent Events parser (the WHATWG event-stream format): text in, whole messages out. It
// keeps the last event id and the server's retry delay across reconnections, as EventSource does.
// The one reader of the format our server writes (server/event-stream.ts): the CLI and the tests use it.

interface SseMessage {
  /** The `event:` name ("message" when none). */
  readonly event: string;
  /** The `data:` lines joined by newlines. */
  readonly data: string;
  /** The last event id in force when the message was dispatched. */
  readonly lastEventId: string | undefined;
}

interface SseParserOptions {
  /** Sees each comment line (`: keep-alive`) without its colon; EventSource drops them, tests check heartbeats. */
  readonly onComment?: (text: string) => void;
}

export class SseParser {
  /** What Last-Event-ID a reconnection sends. */
  lastEventId: string | undefined;
  /** The `retry:` delay the server asked for, in ms. */
  retryMs: number | undefined;
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private afterCr = false;

  constructor(private readonly options: SseParserOptions = {}) {}

  /** Forgets a half-received message (a new connection starts clean); keeps the id and the delay. */
  reset(): void {
    this.buffer = '';
    this.data = [];
    this.event = '';
    this.afterCr = false;
  }

  push(text: string): SseMessage[] {
    if (text === '') return [];
    // A chunk that ended in \r ended a line; a \n opening the next one is the rest of that \r\n.
    this.buffer += this.afterCr && text.startsWith('\n') ? text.slice(1) : text;
    this.afterCr = false;
    const messages: SseMessage[] = [];
    const lineEnd = /\r\n|\r|\n/g;
    let start = 0;
    for (let match = lineEnd.exec(this.buffer); match; match = lineEnd.exec(this.buffer)) {
      const message = this.line(this.buffer.slice(start, match.index));
      if (message) messages.push(message);
      start = match.index + match[0].length;
    }
    this.afterCr = this.buffer.endsWith('\r');
    this.buffer = this.buffer.slice(start);
    return messages;
  }

  private line(line: string): SseMessage | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) {
      this.options.onComment?.(line.slice(1));
      return undefined;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return undefined;
  }

  private dispatch(): SseMessage | undefined {
    const message = this.data.length > 0 ? { event: this.event || 'message', data: this.data.join('\n'), lastEventId: this.lastEventId } : undefined;
    this.data = [];
    this.event = '';
    return message;
  }
}

/** The messages of a response body, parsed as they arrive. */
export async function* readEventStream(body: AsyncIterable<Uint8Array>, parser: SseParser): AsyncGenerator<SseMessage> {
  const decoder = new TextDecoder();
  parser.reset();
  for await (const chunk of body) yield* parser.push(decoder.decode(chunk, { stream: true }));
}
