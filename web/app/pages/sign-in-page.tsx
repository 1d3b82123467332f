// Sign in with a bearer token. The embedded server on loopback offers its development token.
import { useState } from 'preact/hooks';
import { Api } from '../api';
import { ErrorBox } from '../components/problem';
import { sessionOf, type Session, type UiConfig } from '../session';

export const SignInPage = ({ config, onSignIn }: { config: UiConfig; onSignIn: (s: Session) => void }) => {
  const [token, setToken] = useState(config.devToken ?? '');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const session = sessionOf(token);
    if (typeof session === 'string') return setError(new Error(session));
    setBusy(true);
    setError(undefined);
    try {
      // One cheap authenticated call proves the API accepts this token before we keep it.
      await new Api(config.apiUrl, session.token).listJobs({ limit: 1 });
      onSignIn(session);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="sign-in">
      <form class="card" onSubmit={submit}>
        <h1>mediaflow</h1>
        <p>Sign in with an API token (a JWT from your identity provider{config.devToken ? ', or the development token below' : ''}).</p>
        {config.devToken && <p class="hint">This server runs embedded on this machine: its development token is filled in.</p>}
        <label for="token">Token</label>
        <textarea id="token" name="token" rows={5} spellcheck={false} value={token} onInput={(e) => setToken((e.target as HTMLTextAreaElement).value)} placeholder="eyJhbGciOi..." />
        {error !== undefined && <ErrorBox error={error} />}
        <button type="submit" class="primary" disabled={busy || token.trim() === ''}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
};
