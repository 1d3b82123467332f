// The UI's routes as data: a path (and query) to the page it shows. Kept free of Preact and the DOM
// so the node tests can import it; router.tsx re-exports it.
export type Route = { page: 'upload' } | { page: 'jobs'; status?: string } | { page: 'job'; jobId: string } | { page: 'webhooks' } | { page: 'admin' } | { page: 'not-found' };

const decodeSegments = (pathname: string): string[] | undefined => {
  try {
    return pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    // A malformed escape (`/jobs/%E0%A4`) is a page that does not exist, not a crash of the whole app.
    return undefined;
  }
};

/** The UI's routes; the server's SPA fallback (web/src/web-router.ts) answers index.html for exactly these. */
export const matchRoute = (pathAndQuery: string): Route => {
  const url = new URL(pathAndQuery, 'http://x');
  const parts = decodeSegments(url.pathname);
  if (!parts) return { page: 'not-found' };
  if (parts.length === 0 || (parts[0] === 'upload' && parts.length === 1)) return { page: 'upload' };
  if (parts[0] === 'jobs' && parts.length === 1) {
    const status = url.searchParams.get('status');
    return status ? { page: 'jobs', status } : { page: 'jobs' };
  }
  if (parts[0] === 'jobs' && parts.length === 2) return { page: 'job', jobId: parts[1]! };
  if (parts[0] === 'webhooks' && parts.length === 1) return { page: 'webhooks' };
  if (parts[0] === 'admin' && parts.length === 1) return { page: 'admin' };
  return { page: 'not-found' };
};
