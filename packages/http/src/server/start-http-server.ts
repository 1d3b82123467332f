// Listens, and closes gracefully: stop accepting, let in-flight requests finish (answering them with
// `Connection: close`), end long-lived streams through the shutdown signal, drop idle keep-alive
// sockets, and after a grace period cut whatever is left.
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { attachShutdownSignal } from './shutdown-signal';

interface StartHttpServerOptions {
  /** 0 picks a free port; the handle says which. */
  port: number;
  host?: string;
  /** How long close() waits for in-flight requests before cutting them. Default 10 s. */
  shutdownGraceMs?: number;
  /** Above a load balancer's idle timeout (ALB: 60 s), so it never reuses a socket we just closed. Default 65 s. */
  keepAliveTimeoutMs?: number;
  /** Whole-request deadline; 0 disables it (streamed uploads of large files). Default Node's 300 s. */
  requestTimeoutMs?: number;
}

export interface HttpServerHandle {
  server: Server;
  port: number;
  /** http://host:port, with the loopback address when bound to all interfaces. */
  url: string;
  /** Resolves once every connection has ended; calling it again returns the same promise. */
  close(): Promise<void>;
}

const urlOf = (address: AddressInfo): string => {
  const host = address.address === '::' || address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
};

export const startHttpServer = async (app: RequestListener, options: StartHttpServerOptions): Promise<HttpServerHandle> => {
  const server = createServer(
    { keepAliveTimeout: options.keepAliveTimeoutMs ?? 65_000, ...(options.requestTimeoutMs !== undefined ? { requestTimeout: options.requestTimeoutMs } : {}) },
    app,
  );
  const shutdown = new AbortController();
  attachShutdownSignal(server, shutdown.signal);
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (shutdown.signal.aborted) res.setHeader('connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      // Its socket may now be idle keep-alive: drop it so close() can finish.
      if (shutdown.signal.aborted) setImmediate(() => server.closeIdleConnections());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve, reject) => {
      const force = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
      force.unref();
      server.close((error) => {
        clearTimeout(force);
        if (error) reject(error);
        else resolve();
      });
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      shutdown.abort();
      server.closeIdleConnections();
    }));

  return { server, port: address.port, url: urlOf(address), close };
};
