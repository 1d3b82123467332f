// The web UI as the cdktf web stack deploys it: web/dist as plain static files on their own origin,
// with a config.json naming the API's origin (here: an embedded server on another port, which then
// needs CORS). Extra JSON files can be served beside it (e.g. per-service OpenAPI documents).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { ensureWebBuild, webDistDir } from '@mediaflow/web';

export interface StaticWebHost {
  readonly origin: string;
  /** Sets what /config.json answers (the API is started after the host, once its origin is known). */
  configure(config: Record<string, unknown>, extraJson?: Record<string, () => Promise<unknown>>): void;
  close(): Promise<void>;
}

export const startStaticWebHost = async (): Promise<StaticWebHost> => {
  ensureWebBuild(process.env);
  const dist = webDistDir(process.env);
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`no web build at ${dist}`);
  let config: Record<string, unknown> = {};
  let extra: Record<string, () => Promise<unknown>> = {};
  const app = express();
  app.get('/config.json', (_req, res) => void res.json(config));
  app.get(/^\/specs\/.+\.json$/, async (req, res) => {
    const make = extra[req.path];
    if (!make) return void res.status(404).end();
    res.json(await make());
  });
  app.use(express.static(dist));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    configure: (next, json = {}) => {
      config = next;
      extra = json;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
