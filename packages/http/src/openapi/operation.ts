// One route declaration → one OpenAPI operation: its schemas, its security, and a problem+json
// response per error status it can answer, listing the codes behind each.
import { type ZodOpenApiOperationObject, type ZodOpenApiResponseObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { problemCode } from '../problems/problem-codes';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsSchema } from '../problems/problem-details';
import { type RouteDeclaration, responseSpec } from '../routes/route';
import { RouteDeclarationInvalid } from '../routes/route-path';

export const BEARER_SCHEME = 'bearerAuth';

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content', 301: 'Moved permanently', 302: 'Found', 303: 'See other', 304: 'Not modified', 307: 'Temporary redirect' };

/** The codes a route can answer without saying so: they follow from its auth and request schemas. */
const automaticProblems = (declaration: RouteDeclaration): string[] => {
  const { body, query, params } = declaration.request;
  return [
    ...(body || query || params ? ['VALIDATION_FAILED'] : []),
    ...(body ? ['MALFORMED_JSON', 'BODY_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] : []),
    ...(declaration.auth === 'public' ? [] : ['TOKEN_MISSING', 'TOKEN_INVALID', 'TOKEN_EXPIRED']),
    ...(declaration.auth === 'admin' ? ['FORBIDDEN'] : []),
  ];
};

const problemResponse = (description: string, codes: string[]): ZodOpenApiResponseObject => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemDetailsSchema } },
  'x-problem-codes': codes,
});

/**
 * One problem+json response per error status the codes map to (each listing its codes), plus the
 * `default` INTERNAL one. Also for hand-documented raw routes, so they document refusals the same way.
 */
export const problemResponsesFor = (codes: Iterable<string>, where: string): ZodOpenApiResponsesObject => {
  const byStatus = new Map<number, string[]>();
  for (const code of new Set(codes)) {
    const registered = problemCode(code);
    if (!registered) throw new RouteDeclarationInvalid(`${where} lists problem code ${code}, which is not registered`);
    byStatus.set(registered.status, [...(byStatus.get(registered.status) ?? []), code]);
  }
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[`${status}` as `4${string}`] = problemResponse(`Problem: ${statusCodes.join(', ')}`, statusCodes);
  }
  responses.default = problemResponse('Unexpected error (INTERNAL)', ['INTERNAL']);
  return responses;
};

const problemResponses = (declaration: RouteDeclaration, where: string): ZodOpenApiResponsesObject =>
  problemResponsesFor([...automaticProblems(declaration), ...declaration.problems], where);

const successResponses = (declaration: RouteDeclaration): ZodOpenApiResponsesObject => {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, declared] of Object.entries(declaration.responses)) {
    const spec = responseSpec(declared);
    const response: ZodOpenApiResponseObject = { description: spec.description ?? STATUS_TEXT[Number(status)] ?? `HTTP ${status}` };
    if (spec.schema) response.content = { 'application/json': { schema: spec.schema } };
    if (spec.headers) response.headers = spec.headers;
    responses[status as `2${string}`] = response;
  }
  return responses;
};

const words = (path: string): string =>
  path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

const defaultOperationId = (service: string, method: string, fullPath: string): string =>
  `${service}${words(method)}${words(fullPath.replace(/^\/v\d+/, ''))}`.replace(/^./, (c) => c.toLowerCase());

export const toOperation = (declaration: RouteDeclaration, service: string, fullPath: string): ZodOpenApiOperationObject => {
  const where = `${declaration.method.toUpperCase()} ${fullPath}`;
  const { body, query, params } = declaration.request;
  const operation: ZodOpenApiOperationObject = {
    operationId: declaration.operationId ?? defaultOperationId(service, declaration.method, fullPath),
    summary: declaration.summary,
    tags: declaration.tags ?? [service],
    security: declaration.auth === 'public' ? [] : [{ [BEARER_SCHEME]: [] }],
    responses: { ...successResponses(declaration), ...problemResponses(declaration, where) },
  };
  if (declaration.description !== undefined) operation.description = declaration.description;
  if (declaration.deprecated) operation.deprecated = true;
  if (query || params) operation.requestParams = { ...(query ? { query } : {}), ...(params ? { path: params } : {}) };
  if (body) operation.requestBody = { required: true, content: { 'application/json': { schema: body } } };
  return operation;
};
