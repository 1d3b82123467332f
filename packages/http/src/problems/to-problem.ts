// Turns anything thrown while serving a request into problem details. Order: a typed HttpProblem, a
// body-parser failure, an error whose `code` is registered, a client error express raised itself;
// everything else is a 500 INTERNAL whose detail says nothing about the cause.
import { isHttpProblem } from './http-problem';
import { problemCode, problemTypeUri, titleFromCode } from './problem-codes';
import { type ProblemDetails } from './problem-details';

interface ProblemContext {
  instance: string;
  correlationId: string;
}

interface ResolvedProblem {
  body: ProblemDetails;
  headers: Record<string, string>;
  /** True when nothing recognised the error: the caller logs it with its stack. */
  unexpected: boolean;
}

interface Classified {
  code: string;
  status: number;
  detail: string;
  errors?: ProblemDetails['errors'];
  headers?: Record<string, string>;
}

// body-parser marks its errors with a `type`; these are the ones a client can cause.
const BODY_PARSER_ERRORS: Record<string, (e: { limit?: number; charset?: string; encoding?: string }) => Classified> = {
  'entity.too.large': (e) => ({ code: 'BODY_TOO_LARGE', status: 413, detail: `the request body exceeds the limit of ${e.limit ?? '?'} bytes` }),
  'entity.parse.failed': () => ({ code: 'MALFORMED_JSON', status: 400, detail: 'the request body is not valid JSON' }),
  'charset.unsupported': (e) => ({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, detail: `unsupported charset "${e.charset ?? ''}"` }),
  'encoding.unsupported': (e) => ({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, detail: `unsupported content encoding "${e.encoding ?? ''}"` }),
  'request.aborted': () => ({ code: 'REQUEST_ABORTED', status: 400, detail: 'the client aborted the request body' }),
  'request.size.invalid': () => ({ code: 'BAD_REQUEST', status: 400, detail: 'the request body does not match its Content-Length' }),
};

const CODE_BY_CLIENT_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT', 410: 'GONE', 412: 'PRECONDITION_FAILED', 413: 'BODY_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE',
};

const INTERNAL: Classified = { code: 'INTERNAL', status: 500, detail: 'an unexpected error occurred; quote the correlation id when reporting it' };

const field = (error: unknown, name: string): unknown =>
  typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;

const classify = (error: unknown): Classified | undefined => {
  if (isHttpProblem(error)) return error;
  const type = field(error, 'type');
  const parserError = typeof type === 'string' ? BODY_PARSER_ERRORS[type] : undefined;
  if (parserError) return parserError(error as Parameters<typeof parserError>[0]);
  const code = field(error, 'code');
  const registered = typeof code === 'string' ? problemCode(code) : undefined;
  if (registered) {
    const message = error instanceof Error ? error.message : registered.title;
    return { code: registered.code, status: registered.status, detail: registered.detail ?? message };
  }
  // http-errors raised by express itself (a path it cannot decode): `expose` marks the message as safe.
  const status = field(error, 'status');
  if (typeof status === 'number' && status >= 400 && status < 500 && field(error, 'expose') === true) {
    return { code: CODE_BY_CLIENT_STATUS[status] ?? 'BAD_REQUEST', status, detail: error instanceof Error ? error.message : 'bad request' };
  }
  return undefined;
};

export const toProblem = (error: unknown, context: ProblemContext): ResolvedProblem => {
  const known = classify(error);
  const c = known ?? INTERNAL;
  const registered = problemCode(c.code);
  const body: ProblemDetails = {
    type: registered?.type ?? problemTypeUri(c.code),
    title: registered?.title ?? titleFromCode(c.code),
    status: c.status,
    detail: c.detail,
    code: c.code,
    instance: context.instance,
    correlationId: context.correlationId,
  };
  if (c.errors && c.errors.length > 0) body.errors = c.errors;
  return { body, headers: c.headers ?? {}, unexpected: known === undefined };
};
