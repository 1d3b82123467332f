// The web UI's security headers, one definition for both ways it is served: the embedded server
// (web-router.ts: everything on its own origin) and CloudFront (the cdktf web stack, which adds the
// API's and the buckets' origins). Kept free of imports so cdktf can load it.

/** Sent by both; the UI's API calls carry the origin, never the path. */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/**
 * Own files only for scripts (no eval, no inline); styles may be inline (Swagger UI's style
 * attributes); `blob:` for hls.js, which feeds <video> through Media Source Extensions from a blob:
 * worker. `origins` (the API, the buckets) may be fetched, shown as images and played.
 */
export const contentSecurityPolicy = (origins: readonly string[] = []): string => {
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...origins],
    'media-src': ["'self'", 'blob:', ...origins],
    'connect-src': ["'self'", ...origins],
    'worker-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
};
