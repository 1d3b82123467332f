// Tells long-lived responses (SSE, slow streams) that the server is stopping, so close() need not sit
// out its grace period for connections that would never end by themselves.
import { type IncomingMessage, type Server } from 'node:http';

const signals = new WeakMap<IncomingMessage, AbortSignal>();
const NEVER = new AbortController().signal;

/** Called by startHttpServer: every request it serves gets the server's shutdown signal. */
export const attachShutdownSignal = (server: Server, signal: AbortSignal): void => {
  // Prepended: the app may reach a handler synchronously, before a later 'request' listener ran.
  server.prependListener('request', (req: IncomingMessage) => signals.set(req, signal));
};

/** Aborted when the serving server starts closing; never aborted outside startHttpServer (supertest). */
export const shutdownSignal = (req: IncomingMessage): AbortSignal => signals.get(req) ?? NEVER;
