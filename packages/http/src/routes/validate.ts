// Request validation at the edge: params, query and body parsed with their zod schemas, every issue of
// every part collected into one 400 VALIDATION_FAILED with the path of each — unless the route names
// the domain's own refusal of that request (a coded error among its documented problems): then that
// answers, so a rule that is both in the schema and in the domain keeps its stable code.
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

/** The raw parts and the issues found; returns (or throws) the domain's coded error for them, if any. */
export type RefusalExplainer = (raw: ParsedRequest, issues: ProblemIssue[]) => unknown;

interface RefusalOptions {
  explain: RefusalExplainer;
  /** Only these codes may answer instead of VALIDATION_FAILED (the route's documented problems). */
  codes: readonly string[];
}

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

const domainRefusal = (options: RefusalOptions, req: Request, issues: ProblemIssue[]): unknown => {
  let refusal: unknown;
  try {
    refusal = options.explain({ body: req.body, query: req.query, params: req.params }, issues);
  } catch (error) {
    refusal = error;
  }
  const code = codeOf(refusal);
  return code !== undefined && options.codes.includes(code) ? refusal : undefined;
};

/** Parses what the schemas declare; an undeclared part is passed through (params) or left undefined. */
export const parseRequest = (schemas: RequestSchemas, req: Request, refusal?: RefusalOptions): ParsedRequest => {
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
    const explained = refusal ? domainRefusal(refusal, req, issues) : undefined;
    if (explained !== undefined) throw explained;
    const noun = issues.length === 1 ? 'issue' : 'issues';
    throw new HttpProblem({ code: 'VALIDATION_FAILED', detail: `the request has ${issues.length} validation ${noun}`, errors: issues });
  }
  return parsed;
};
