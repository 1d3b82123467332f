// A source for URL ingest tests: a real HTTP server on a chosen loopback address that serves a body,
// redirects, errors, oversized and stalled bodies, and counts every request it gets, so a test can
// prove a refused target was never contacted.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SourceServer {
  readonly url: string;
  readonly port: number;
  /** Requests received, by path (without the query). */
  count(path?: string): number;
  /** Lets every stalled response (/stall) send its second half. */
  release(): void;
  /** Responses not closed yet: a fetch that let go of its source (failed, aborted) closed it. */
  openResponses(): number;
  close(): Promise<void>;
}

export const startSourceServer = async (body: Buffer, host = '127.0.0.1'): Promise<SourceServer> => {
  const counts = new Map<string, number>();
  let releases: Array<() => void> = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://source');
    counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
    open += 1;
    res.once('close', () => (open -= 1));
    const half = Math.floor(body.length / 2);
    switch (url.pathname) {
      case '/clip.mp4':
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': body.length });
        return res.end(body);
      case '/redirect':
        res.writeHead(302, { location: url.searchParams.get('to') ?? '/clip.mp4' });
        return res.end();
      case '/loop':
        res.writeHead(307, { location: '/loop' });
        return res.end();
      case '/declared-too-large':
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(1024 ** 4) });
        return res.write(body.subarray(0, 1024));
      case '/endless':
        // No Content-Length: only the byte count can stop it.
        res.writeHead(200, { 'content-type': 'video/mp4' });
        {
          const chunk = Buffer.alloc(64 * 1024, 1);
          const pump = (): void => {
            while (!res.destroyed && res.write(chunk));
            if (!res.destroyed) res.once('drain', pump);
          };
          return pump();
        }
      case '/stall':
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': body.length });
        res.write(body.subarray(0, half));
        releases.push(() => res.end(body.subarray(half)));
        return undefined;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not here');
    }
  });
  let open = 0;
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    count: (path) => (path === undefined ? [...counts.values()].reduce((a, b) => a + b, 0) : (counts.get(path) ?? 0)),
    openResponses: () => open,
    release: () => {
      for (const release of releases) release();
      releases = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
