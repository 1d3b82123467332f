// The one shape every error answer has (RFC 9457 application/problem+json), as a zod schema so the
// OpenAPI document and the TypeScript type come from the same declaration.
import { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const ProblemIssueSchema = z
  .object({
    in: z.enum(['body', 'query', 'params', 'headers']).describe('Which part of the request the issue is in'),
    path: z.string().describe('Dotted path inside that part; empty when the whole part is wrong'),
    message: z.string(),
    code: z.string().optional().describe('Machine-readable kind of issue (zod issue code)'),
  })
  .meta({ id: 'ProblemIssue' });
export type ProblemIssue = z.infer<typeof ProblemIssueSchema>;

export const ProblemDetailsSchema = z
  .object({
    type: z.string().describe('URI naming the problem type; stable per code'),
    title: z.string().describe('Short summary of the problem type'),
    status: z.number().int().describe('HTTP status code'),
    detail: z.string().describe('Explanation of this occurrence, safe to show'),
    code: z.string().describe('Stable machine-readable code, e.g. UPLOAD_NOT_FOUND'),
    instance: z.string().describe('Path of the request that failed'),
    correlationId: z.string().describe('Quote it when reporting a problem; it is in every log line of the request'),
    errors: z.array(ProblemIssueSchema).optional().describe('Validation issues, when code is VALIDATION_FAILED'),
  })
  .meta({ id: 'ProblemDetails', description: 'RFC 9457 problem details, with a stable code and the correlation id' });
export type ProblemDetails = z.infer<typeof ProblemDetailsSchema>;
