// Who is signed in: the bearer token (kept in localStorage) and what its payload says. The payload
// is only read for display (owner, admin, expiry); the API verifies the signature on every call.
export interface UiConfig {
  /** The API origin; '' means this page's own origin (the embedded server). */
  readonly apiUrl: string;
  /** Embedded mode on loopback: a development token to sign in with. */
  readonly devToken?: string;
  readonly profiles?: readonly string[];
  readonly mode?: 'embedded' | 'static';
}

export interface Session {
  readonly token: string;
  readonly owner: string;
  readonly admin: boolean;
  readonly expiresAt?: Date;
}

const KEY = 'mediaflow.token';

const decodePart = (part: string): Record<string, unknown> => {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const json = decodeURIComponent(
    Array.from(atob(base64), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
  );
  return JSON.parse(json) as Record<string, unknown>;
};

/** The session a token describes, or an error message when it is not a JWT at all. */
export const sessionOf = (token: string): Session | string => {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  const parts = trimmed.split('.');
  if (parts.length !== 3) return 'That is not a token: a JWT has three dot-separated parts.';
  let payload: Record<string, unknown>;
  try {
    payload = decodePart(parts[1]!);
  } catch {
    return 'That token cannot be read: its payload is not base64url JSON.';
  }
  // Roles as the API reads them: an array or a space-separated string, in `roles` or `cognito:groups`.
  const roleList = [payload.roles, payload['cognito:groups']].flatMap((r) => (Array.isArray(r) ? r : typeof r === 'string' ? r.split(' ') : []));
  const admin = roleList.includes('admin');
  const exp = typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : undefined;
  if (exp && exp.getTime() <= Date.now()) return `That token expired at ${exp.toLocaleString()}.`;
  return { token: trimmed, owner: String(payload.sub ?? 'unknown'), admin, ...(exp ? { expiresAt: exp } : {}) };
};

export const storedSession = (): Session | undefined => {
  const token = localStorage.getItem(KEY);
  if (!token) return undefined;
  const session = sessionOf(token);
  if (typeof session === 'string') {
    localStorage.removeItem(KEY);
    return undefined;
  }
  return session;
};

export const storeSession = (session: Session | undefined): void => {
  if (session) localStorage.setItem(KEY, session.token);
  else localStorage.removeItem(KEY);
};

export const loadConfig = async (): Promise<UiConfig> => {
  try {
    const res = await fetch('/config.json', { cache: 'no-store' });
    if (res.ok) return (await res.json()) as UiConfig;
  } catch {
    // No config.json: the UI is served by the API's own origin.
  }
  return { apiUrl: '' };
};
