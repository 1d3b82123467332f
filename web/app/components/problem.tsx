// One way to show an error from the API: its title, detail and stable code.
import { ApiError } from '../api';

export const describeError = (error: unknown): { title: string; detail?: string; code?: string } => {
  if (error instanceof ApiError) return { title: error.title, detail: error.detail, code: error.code };
  if (error instanceof Error) return { title: error.message };
  return { title: String(error) };
};

export const ErrorBox = ({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) => {
  const { title, detail, code } = describeError(error);
  return (
    <div class="error-box" role="alert">
      <strong>{title}</strong>
      {detail && <span class="detail">{detail}</span>}
      {code && <code class="code">{code}</code>}
      {onDismiss && (
        <button type="button" class="link" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
};

/** Calls `onAuthError` for 401 (token expired or revoked) and rethrows everything else. */
export const guardAuth = (onAuthError: () => void) => (error: unknown) => {
  if (error instanceof ApiError && error.status === 401) onAuthError();
  throw error;
};
