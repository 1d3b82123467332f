// The registry mapping stable error codes to HTTP statuses: the one place a domain error (which knows
// nothing of HTTP) gets its status. Services add their codes at start-up with registerProblemCodes.

interface ProblemCodeDefinition {
  status: number;
  /** Defaults to the code in words: UPLOAD_NOT_FOUND → "Upload not found". */
  title?: string;
  /** A fixed detail replacing the error's message, for errors whose message names internals. */
  detail?: string;
}

interface ResolvedProblemCode {
  code: string;
  status: number;
  title: string;
  type: string;
  detail?: string;
}

export class ProblemCodeConflict extends Error {
  readonly code = 'PROBLEM_CODE_CONFLICT';
  override readonly name = 'ProblemCodeConflict';
  constructor(problemCode: string, existing: number, wanted: number) {
    super(`problem code ${problemCode} is already registered with status ${existing}, not ${wanted}`);
  }
}

const CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;
const registry = new Map<string, ResolvedProblemCode>();

export const titleFromCode = (code: string): string => {
  const words = code.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A non-resolvable but stable URI (RFC 9457 allows it): clients key on it or on `code`, never fetch it. */
export const problemTypeUri = (code: string): string => `urn:mediaflow:problem:${code.toLowerCase().replace(/_/g, '-')}`;

const resolve = (code: string, definition: number | ProblemCodeDefinition): ResolvedProblemCode => {
  const d = typeof definition === 'number' ? { status: definition } : definition;
  if (!CODE_PATTERN.test(code)) throw new Error(`problem code ${code} must be UPPER_SNAKE_CASE`);
  if (!Number.isInteger(d.status) || d.status < 400 || d.status > 599) {
    throw new Error(`problem code ${code} needs an error status (400-599), got ${d.status}`);
  }
  const resolved: ResolvedProblemCode = { code, status: d.status, title: d.title ?? titleFromCode(code), type: problemTypeUri(code) };
  if (d.detail !== undefined) resolved.detail = d.detail;
  return resolved;
};

/**
 * Adds codes to the registry. Registering a code again with the same status is a no-op (four services
 * share one process in embedded mode); with another status it throws, since one code must mean one thing.
 */
export const registerProblemCodes = (codes: Record<string, number | ProblemCodeDefinition>): void => {
  for (const [code, definition] of Object.entries(codes)) {
    const resolved = resolve(code, definition);
    const existing = registry.get(code);
    if (existing && existing.status !== resolved.status) throw new ProblemCodeConflict(code, existing.status, resolved.status);
    registry.set(code, existing ? { ...existing, ...resolved } : resolved);
  }
};

export const problemCode = (code: string): ResolvedProblemCode | undefined => registry.get(code);

export const isRegisteredProblemCode = (code: string): boolean => registry.has(code);

registerProblemCodes({
  BAD_REQUEST: 400,
  VALIDATION_FAILED: { status: 400, title: 'Request validation failed' },
  MALFORMED_JSON: { status: 400, title: 'Malformed JSON body' },
  REQUEST_ABORTED: 400,
  UNAUTHENTICATED: 401,
  TOKEN_MISSING: { status: 401, title: 'Bearer token missing' },
  TOKEN_INVALID: { status: 401, title: 'Bearer token invalid' },
  TOKEN_EXPIRED: { status: 401, title: 'Bearer token expired' },
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  GONE: 410,
  PRECONDITION_FAILED: 412,
  BODY_TOO_LARGE: { status: 413, title: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: { status: 422, title: 'Unprocessable request' },
  RATE_LIMITED: 429,
  INTERNAL: { status: 500, title: 'Internal error' },
  SERVICE_UNAVAILABLE: 503,
  AUTH_UNAVAILABLE: { status: 503, title: 'Token verification unavailable' },
  // service-kit's error after its retries: its message names the event stream, which is internal.
  COMMAND_CONFLICT_PERSISTED: { status: 409, detail: 'the resource kept changing concurrently; retry the request' },
});
