// The error a handler throws to answer with a specific problem. Anything else thrown is mapped by its
// `code` through the registry, or becomes a 500 that leaks nothing (see to-problem).
import { problemCode } from './problem-codes';
import { type ProblemIssue } from './problem-details';

interface HttpProblemInit {
  code: string;
  detail: string;
  /** Defaults to the status registered for `code`; required for an unregistered code. */
  status?: number;
  errors?: ProblemIssue[];
  /** Response headers that belong to the problem: WWW-Authenticate, Retry-After, Allow. */
  headers?: Record<string, string>;
  cause?: unknown;
}

export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  readonly code: string;
  readonly status: number;
  readonly detail: string;
  readonly errors: ProblemIssue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(init: HttpProblemInit) {
    super(init.detail, init.cause === undefined ? undefined : { cause: init.cause });
    const status = init.status ?? problemCode(init.code)?.status;
    if (status === undefined) throw new Error(`HttpProblem ${init.code}: unregistered code needs an explicit status`);
    this.code = init.code;
    this.status = status;
    this.detail = init.detail;
    this.errors = init.errors;
    this.headers = init.headers ?? {};
  }
}

export const isHttpProblem = (error: unknown): error is HttpProblem => error instanceof HttpProblem;
