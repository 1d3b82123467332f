// Request validation at the edge: params, query and body parsed with their zod schemas, every issue of
// every part collected into one 400 VALIDATION_FAILED with the path of each.
import { type Request } from 'express';
import { type z } from 'zod';
import { HttpProblem } from '../problems/http-problem';
import { type ProblemIssue } from '../problems/problem-details';
import { type RequestSchemas } from './route';

interface ParsedRequest {
  body: unknown;
  query: unknown;
  params: unknown;
}

const PARTS = ['params', 'query', 'body'] as const;

const toIssue = (part: ProblemIssue['in'], issue: z.core.$ZodIssue): ProblemIssue => ({
  in: part,
  path: issue.path.map(String).join('.'),
  message: issue.message,
  code: issue.code,
});

/** Parses what the schemas declare; an undeclared part is passed through (params) or left undefined. */
export const parseRequest = (schemas: RequestSchemas, req: Request): ParsedRequest => {
  const parsed: ParsedRequest = { body: undefined, query: undefined, params: req.params };
  const issues: ProblemIssue[] = [];
  for (const part of PARTS) {
    const schema = schemas[part];
    if (!schema) continue;
    const result = schema.safeParse(req[part]);
    if (result.success) parsed[part] = result.data;
    else issues.push(...result.error.issues.map((issue) => toIssue(part, issue)));
  }
  if (issues.length > 0) {
    const noun = issues.length === 1 ? 'issue' : 'issues';
    throw new HttpProblem({ code: 'VALIDATION_FAILED', detail: `the request has ${issues.length} validation ${noun}`, errors: issues });
  }
  return parsed;
};
