// A minimal EventSource for tests over node:http (status and headers visible, the end of the stream
// too); the frames are parsed by the SseParser the CLI uses, comments kept to check heartbeats.
import http from 'node:http';
import { SseParser } from '@mediaflow/http/event-stream-parser';

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
      const parser = new SseParser({ onComment: (text) => comments.push(text.trim()) });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const message of parser.push(chunk)) {
          // The id is the last one in force, as EventSource's lastEventId reports it.
          events.push({ data: message.data, event: message.event, ...(message.lastEventId !== undefined ? { id: message.lastEventId } : {}) });
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
