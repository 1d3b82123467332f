// A validation problem as plain data: what the errors keep instead of zod's issue objects, so they
// serialise into logs and dead-letter records and do not tie consumers to zod's issue format.
import type { z } from 'zod';

export interface ContractIssue {
  /** Where in the checked value, e.g. `manifest.outputs[0].key`; empty for the value itself. */
  readonly path: string;
  readonly message: string;
}

export const formatIssuePath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, segment) => {
    if (typeof segment === 'number') return `${acc}[${segment}]`;
    const name = String(segment);
    return acc === '' ? name : `${acc}.${name}`;
  }, '');

export const issuesFromZodError = (error: z.ZodError): ContractIssue[] =>
  error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
