// A small history-API router: paths like /jobs/ID are real URLs (the server answers index.html for
// them), links navigate without a reload, back/forward work.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();

export const navigate = (to: string, replace = false): void => {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  listeners.forEach((l) => l());
};

export const useLocation = (): string => {
  const [path, setPath] = useState(location.pathname + location.search);
  useEffect(() => {
    const update = () => setPath(location.pathname + location.search);
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return path;
};

export const Link = ({ href, children, ...rest }: { href: string; children: ComponentChildren } & JSX.HTMLAttributes<HTMLAnchorElement>) => (
  <a
    {...rest}
    href={href}
    onClick={(e) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(href);
    }}
  >
    {children}
  </a>
);

export type Route = { page: 'upload' } | { page: 'jobs'; status?: string } | { page: 'job'; jobId: string } | { page: 'webhooks' } | { page: 'admin' } | { page: 'not-found' };

/** The UI's routes; the server's SPA fallback answers index.html for exactly these prefixes. */
export const matchRoute = (pathAndQuery: string): Route => {
  const url = new URL(pathAndQuery, 'http://x');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
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
