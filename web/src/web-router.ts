// Serves the built UI from the API's own port (embedded mode): hashed assets cached for a year,
// index.html and config.json never cached, index.html for the UI's own routes (history-API
// navigation), and nothing else: every other path falls through to the API (and its 404).
import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { matchRoute } from '../app/routes';
import { contentSecurityPolicy, REFERRER_POLICY } from './security-headers';

export interface UiConfig {
  /** The API origin; '' is the page's own origin. */
  readonly apiUrl: string;
  readonly mode: 'embedded' | 'static';
  /** A development token offered on the sign-in page (embedded on loopback only). */
  readonly devToken?: string;
  readonly profiles?: readonly string[];
}

interface WebRouterOptions {
  readonly distDir: string;
  /** Built per request, so a development token is always fresh. */
  readonly config: () => Promise<UiConfig> | UiConfig;
}

/** A path the UI's own router shows a page for: a reload there must get index.html (one list, the app's). */
const isUiRoute = (pathAndQuery: string): boolean => matchRoute(pathAndQuery).page !== 'not-found';

// Everything the page loads comes from this origin (the API and its signed /blobs URLs included).
const SECURITY_HEADERS = {
  'x-frame-options': 'DENY',
  'referrer-policy': REFERRER_POLICY,
  'content-security-policy': contentSecurityPolicy(),
};

export const webRouter = ({ distDir, config }: WebRouterOptions): Router => {
  const router = express.Router();
  // Only GET and HEAD are the UI's. Its handlers are middleware, not router.get routes: a route would
  // make express answer OPTIONS for its path itself, and the catch-all one would swallow every CORS
  // preflight meant for the API behind this router.
  const reads = (handler: (req: Request, res: Response, next: () => void) => unknown) => (req: Request, res: Response, next: () => void) =>
    req.method === 'GET' || req.method === 'HEAD' ? handler(req, res, next) : next();
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) throw new Error(`the web UI is not built: ${index} is missing (npm run build -w @mediaflow/web)`);
  router.use(
    '/config.json',
    reads(async (_req, res) => {
      res.set({ 'cache-control': 'no-store' }).json(await config());
    }),
  );
  router.use(
    express.static(distDir, {
      index: false,
      dotfiles: 'ignore',
      fallthrough: true,
      setHeaders: (res, file) => {
        const hashed = file.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (file.endsWith('.html')) for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      },
    }),
  );
  // The docs pages' relative links need the trailing slash.
  router.use(
    reads((req, res, next) => {
      const pathname = req.originalUrl.split('?')[0]!;
      if (pathname === '/docs') return res.redirect(301, '/docs/');
      if (pathname === '/docs/') return res.set({ 'cache-control': 'no-cache', ...SECURITY_HEADERS }).sendFile(path.join(distDir, 'docs', 'index.html'));
      if (pathname === '/docs/events') return res.redirect(301, '/docs/events/');
      if (pathname === '/docs/events/') return res.set({ 'cache-control': 'no-cache', ...SECURITY_HEADERS }).sendFile(path.join(distDir, 'docs', 'events', 'index.html'));
      if (!isUiRoute(req.originalUrl) || !req.accepts('html')) return next();
      res.set({ 'cache-control': 'no-cache', ...SECURITY_HEADERS }).sendFile(index);
    }),
  );
  return router;
};
