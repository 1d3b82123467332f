// A webhook receiver on 127.0.0.1 for tests: records every request and answers as the script says
// (status, headers, delay), so retries, 410 and timeouts can be played against the real sender.
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ReceivedWebhook {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly receivedAt: Date;
}

export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly delayMs?: number;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** Resolves once `count` requests arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export const startReceiver = async (
  answer: (request: ReceivedWebhook, index: number) => ScriptedAnswer = () => ({ status: 204 }),
  options: { port?: number } = {},
): Promise<WebhookReceiver> => {
  const received: ReceivedWebhook[] = [];
  const waiters: (() => void)[] = [];
  const delayed = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: new Date() };
      received.push(request);
      waiters.forEach((w) => w());
      const scripted = answer(request, received.length - 1);
      const timer = setTimeout(() => {
        delayed.delete(timer);
        if (res.destroyed) return;
        res.writeHead(scripted.status, scripted.headers ?? {});
        res.end(scripted.body ?? '');
      }, scripted.delayMs ?? 0);
      delayed.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    waitFor: (count, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          if (received.length < count) return false;
          clearTimeout(timer);
          resolve(received.slice(0, count));
          return true;
        };
        const timer = setTimeout(() => reject(new Error(`receiver got ${received.length} of ${count} requests in ${timeoutMs} ms`)), timeoutMs);
        if (!check()) waiters.push(() => void check());
      }),
    close: () =>
      new Promise<void>((resolve) => {
        delayed.forEach((t) => clearTimeout(t));
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
