// Turns whatever a validator or handler threw into the plain record dead letters keep: the stable
// code, the message and, for contract violations (ours or zod's), the issues with readable paths.
import type { DeadLetterError } from '../ports/dead-letters';

const MAX_MESSAGE = 2000;

const pathOf = (path: unknown): string =>
  typeof path === 'string'
    ? path
    : Array.isArray(path)
      ? path.reduce<string>(
          (acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${String(s)}` : String(s)),
          '',
        )
      : '';

const issuesOf = (error: object): DeadLetterError['issues'] => {
  const issues = (error as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return undefined;
  return issues.slice(0, 50).map((i: { path?: unknown; message?: unknown }) => ({
    path: pathOf(i?.path),
    message: String(i?.message ?? ''),
  }));
};

export const describeFailure = (error: unknown): DeadLetterError => {
  if (!(error instanceof Error))
    return { code: 'NON_ERROR_THROWN', message: String(error).slice(0, MAX_MESSAGE) };
  const code = (error as { code?: unknown }).code;
  const issues = issuesOf(error);
  return {
    code: typeof code === 'string' && code ? code : error.name || 'Error',
    message: error.message.slice(0, MAX_MESSAGE),
    ...(issues ? { issues } : {}),
  };
};
