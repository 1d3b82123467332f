// A Server-Sent Events response that ends by itself when the client leaves or the server shuts down,
// with heartbeats so proxies and load balancers do not cut an idle stream.
import { type Request, type Response } from 'express';
import { shutdownSignal } from './shutdown-signal';

interface ServerSentEvent {
  event?: string;
  /** Serialised as JSON. */
  data: unknown;
  /** Lets a reconnecting EventSource resume with Last-Event-ID. */
  id?: string;
}

interface EventStream {
  /** False once the stream is closed, or when the socket buffer is full (wait for 'drain' on res). */
  send(event: ServerSentEvent): boolean;
  close(): void;
  /** Aborted when the stream ends, for whatever reason. */
  readonly signal: AbortSignal;
}

interface EventStreamOptions {
  heartbeatMs?: number;
  /** Reconnection delay suggested to the client. */
  retryMs?: number;
}

// A newline inside a field would start a new field: ids and event names are single-line by force.
const singleLine = (value: string): string => value.replace(/[\r\n]/g, ' ');

export const openEventStream = (req: Request, res: Response, options: EventStreamOptions = {}): EventStream => {
  const ended = new AbortController();
  res.status(200).set({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' });
  res.flushHeaders();
  if (options.retryMs !== undefined) res.write(`retry: ${options.retryMs}\n\n`);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  const shutdown = shutdownSignal(req);
  const close = (): void => {
    if (ended.signal.aborted) return;
    clearInterval(heartbeat);
    shutdown.removeEventListener('abort', close);
    ended.abort();
    if (!res.writableEnded) res.end();
  };
  shutdown.addEventListener('abort', close);
  if (shutdown.aborted) close();
  res.once('close', close);

  return {
    signal: ended.signal,
    close,
    send(event) {
      if (ended.signal.aborted) return false;
      let frame = '';
      if (event.id !== undefined) frame += `id: ${singleLine(event.id)}\n`;
      if (event.event !== undefined) frame += `event: ${singleLine(event.event)}\n`;
      frame += `data: ${JSON.stringify(event.data ?? null)}\n\n`;
      return res.write(frame);
    },
  };
};
