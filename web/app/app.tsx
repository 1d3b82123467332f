// The shell: sign-in gate, navigation, and the page for the current route.
import { useMemo, useState } from 'preact/hooks';
import { Api } from './api';
import { Link, matchRoute, useLocation } from './router';
import { storeSession, storedSession, type Session, type UiConfig } from './session';
import { AdminPage } from './pages/admin-page';
import { JobPage } from './pages/job-page';
import { JobsPage } from './pages/jobs-page';
import { SignInPage } from './pages/sign-in-page';
import { UploadPage } from './pages/upload-page';
import { WebhooksPage } from './pages/webhooks-page';

const NavLink = ({ href, label, current }: { href: string; label: string; current: boolean }) => (
  <Link href={href} class={current ? 'nav-link current' : 'nav-link'} aria-current={current ? 'page' : undefined}>
    {label}
  </Link>
);

export const App = ({ config }: { config: UiConfig }) => {
  const [session, setSession] = useState<Session | undefined>(storedSession);
  const path = useLocation();
  const route = matchRoute(path);
  const api = useMemo(() => (session ? new Api(config.apiUrl, session.token) : undefined), [config.apiUrl, session]);
  const signIn = (s: Session | undefined) => {
    storeSession(s);
    setSession(s);
  };
  if (!session || !api) return <SignInPage config={config} onSignIn={signIn} />;
  const onAuthError = () => signIn(undefined);
  return (
    <div class="shell">
      <header class="topbar">
        <Link href="/" class="brand">
          mediaflow
        </Link>
        <nav>
          <NavLink href="/" label="Upload" current={route.page === 'upload'} />
          <NavLink href="/jobs" label="Jobs" current={route.page === 'jobs' || route.page === 'job'} />
          <NavLink href="/webhooks" label="Webhooks" current={route.page === 'webhooks'} />
          {session.admin && <NavLink href="/admin" label="Admin" current={route.page === 'admin'} />}
          <a class="nav-link" href="/docs/" target="_blank" rel="noopener">
            API docs
          </a>
          <a class="nav-link" href="/docs/events/index.html" target="_blank" rel="noopener">
            Events
          </a>
        </nav>
        <div class="who">
          <span title={session.expiresAt ? `token expires ${session.expiresAt.toLocaleString()}` : undefined}>
            {session.owner}
            {session.admin ? ' (admin)' : ''}
          </span>
          <button type="button" class="link" onClick={() => signIn(undefined)}>
            Sign out
          </button>
        </div>
      </header>
      <main>
        {route.page === 'upload' && <UploadPage api={api} config={config} onAuthError={onAuthError} />}
        {route.page === 'jobs' && <JobsPage api={api} status={route.status} onAuthError={onAuthError} />}
        {route.page === 'job' && <JobPage api={api} jobId={route.jobId} onAuthError={onAuthError} />}
        {route.page === 'webhooks' && <WebhooksPage api={api} onAuthError={onAuthError} />}
        {route.page === 'admin' && <AdminPage api={api} onAuthError={onAuthError} />}
        {route.page === 'not-found' && (
          <section class="card">
            <h1>Not found</h1>
            <p>
              There is no page at <code>{path}</code>. <Link href="/">Upload a file</Link> or see <Link href="/jobs">your jobs</Link>.
            </p>
          </section>
        )}
      </main>
    </div>
  );
};
