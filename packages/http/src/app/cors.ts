// CORS for a browser UI served from another origin (the web UI on CloudFront, the API behind the
// load balancer). Mounted first, so a preflight never meets auth and every answer — problems
// included — carries the headers the browser needs to read it. A disallowed origin gets no CORS
// headers at all: the browser blocks the response, the server never answers with an error.
import { type RequestHandler } from 'express';
import { z } from 'zod';
import { setting } from '@mediaflow/config';
import { CORRELATION_HEADER } from './correlation';
import { normalizeOrigin } from './origin';

export { CorsOriginInvalid, normalizeOrigin } from './origin';

export interface CorsOptions {
  /** Exact origins (`https://app.example.com`), or '*' for any. */
  allowedOrigins: readonly string[];
}

const CORS_ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'] as const;
/** The request headers the API reads (auth, JSON bodies, SSE resume, correlation, ranged blob reads). */
const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'last-event-id', CORRELATION_HEADER, 'range'] as const;
/** Response headers a script may read beyond the CORS-safelisted ones. */
const CORS_EXPOSED_HEADERS = ['location', 'etag', 'retry-after', CORRELATION_HEADER, 'content-range'] as const;
const CORS_MAX_AGE_SECONDS = 600;

/** MEDIAFLOW_CORS_ORIGINS: comma-separated origins, checked and normalized; empty means none. */
export const CorsOriginsSchema = z.string().transform((raw, ctx): string[] => {
  const origins: string[] = [];
  for (const item of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    try {
      origins.push(normalizeOrigin(item));
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  }
  return origins;
});

/** Declared once for every process that serves the API (the AWS api tasks, the embedded all-in-one). */
export const CorsSettingsSchema = z.object({
  MEDIAFLOW_CORS_ORIGINS: setting(
    CorsOriginsSchema,
    'Comma-separated browser origins allowed to call the API from another origin (the web UI on CloudFront, or hosted as static files); unset: none',
  ).optional(),
});

const VARY_ORIGIN = 'Origin';

export const cors = (options: CorsOptions): RequestHandler => {
  const allowed = new Set(options.allowedOrigins.map(normalizeOrigin));
  const anyOrigin = allowed.has('*');
  // `null` comes from sandboxed frames and file:// pages: never trusted, even with '*'.
  const isAllowed = (origin: string | undefined): origin is string =>
    origin !== undefined && origin !== 'null' && (anyOrigin || allowed.has(origin));

  return (req, res, next) => {
    // The answer depends on Origin: a shared cache must not hand one origin's answer to another.
    res.vary(VARY_ORIGIN);
    const origin = req.get('origin');
    const preflight = req.method === 'OPTIONS' && origin !== undefined && req.get('access-control-request-method') !== undefined;
    if (isAllowed(origin)) {
      res.set('access-control-allow-origin', origin);
      if (!preflight) res.set('access-control-expose-headers', CORS_EXPOSED_HEADERS.join(', '));
    }
    if (!preflight) {
      next();
      return;
    }
    if (isAllowed(origin)) {
      res.set({
        'access-control-allow-methods': CORS_ALLOWED_METHODS.join(', '),
        'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
        'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
      });
    }
    res.status(204).end();
  };
};
