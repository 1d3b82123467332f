// A minimal EventSource for tests over node:http: parses frames into events and comments as they
// arrive, and tells when the server ended the stream.
import http from 'node:http';

export interface SseEvent {
  readonly id?: string;
  readonly event?: string;
  readonly data: string;
}

export interface SseClient {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly events: SseEvent[];
  readonly comments: string[];
  readonly ended: Promise<void>;
  waitForEvents(count: number, timeoutMs?: number): Promise<SseEvent[]>;
  waitForComment(timeoutMs?: number): Promise<string>;
  close(): void;
}

const until = (check: () => boolean, timeoutMs: number, what: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const tick = (): void => {
      if (check()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`${what} not seen within ${timeoutMs} ms`));
      setTimeout(tick, 10);
    };
    tick();
  });

export const connectSse = (url: string, headers: Record<string, string> = {}): Promise<SseClient> =>
  new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const events: SseEvent[] = [];
      const comments: string[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of frame.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else {
              const colon = line.indexOf(':');
              const name = colon === -1 ? line : line.slice(0, colon);
              fields[name] = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
            }
          }
          if (fields.data !== undefined) events.push({ data: fields.data, ...(fields.id !== undefined ? { id: fields.id } : {}), ...(fields.event !== undefined ? { event: fields.event } : {}) });
        }
      });
      const ended = new Promise<void>((done) => {
        res.once('end', done);
        res.once('close', done);
      });
      resolve({
        status: res.statusCode ?? 0,
        contentType: res.headers['content-type'],
        events,
        comments,
        ended,
        waitForEvents: async (count, timeoutMs = 5000) => {
          await until(() => events.length >= count, timeoutMs, `${count} events`);
          return events.slice(0, count);
        },
        waitForComment: async (timeoutMs = 5000) => {
          await until(() => comments.length > 0, timeoutMs, 'a comment');
          return comments[0] ?? '';
        },
        close: () => req.destroy(),
      });
    });
    req.once('error', reject);
  });
