// @mediaflow/http: the HTTP foundation of every service — one express app from service routers,
// problem+json errors, zod-validated routes, JWT bearer auth, and the OpenAPI 3.1 document.
export { createHttpApp, type HttpAppOptions } from './app/create-http-app';
export { CORRELATION_HEADER } from './app/correlation';
export {
  CORS_ALLOWED_HEADERS,
  CORS_ALLOWED_METHODS,
  CORS_EXPOSED_HEADERS,
  CORS_MAX_AGE_SECONDS,
  CorsOriginInvalid,
  CorsOriginsSchema,
  CorsSettingsSchema,
  normalizeOrigin,
  type CorsOptions,
} from './app/cors';
export { correlationIdOf, principalOf, requestLog, type RequestContext } from './app/request-context';
export { DEFAULT_BODY_LIMIT } from './app/json-body';
export { sendProblem } from './app/error-handler';

export { HttpProblem, isHttpProblem, type HttpProblemInit } from './problems/http-problem';
export {
  registerProblemCodes,
  problemCode,
  isRegisteredProblemCode,
  ProblemCodeConflict,
  type ProblemCodeDefinition,
  type ResolvedProblemCode,
} from './problems/problem-codes';
export {
  PROBLEM_CONTENT_TYPE,
  ProblemDetailsSchema,
  ProblemIssueSchema,
  type ProblemDetails,
  type ProblemIssue,
} from './problems/problem-details';
export { toProblem } from './problems/to-problem';

export {
  route,
  type AuthRequirement,
  type HandlerContext,
  type HttpMethod,
  type RequestSchemas,
  type ResponseDeclaration,
  type ResponseDeclarations,
  type ResponseSpec,
  type RouteDeclaration,
  type RouteDefinition,
} from './routes/route';
export { reply, Reply } from './routes/reply';
export { RouteDeclarationInvalid } from './routes/route-path';
export { ResponseContractViolation } from './routes/run-route';
export { parseRequest, validate, validatedRequest, type ParsedRequest } from './routes/validate';
export { type RawRouteKit, type ServiceRouter } from './routes/service-router';

export { AuthConfigSchema, AuthEnvironmentSchema, loadAuthConfig, MIN_SECRET_BYTES, type AuthConfig } from './auth/auth-config';
export { authenticate, type AuthenticateOptions } from './auth/authenticate';
export { createTokenVerifier, JWKS_ALGORITHMS, type TokenVerifier } from './auth/token-verifier';
export { issueDevelopmentToken, type DevelopmentTokenOptions } from './auth/development-token';
export { ADMIN_ROLE, COGNITO_GROUPS_CLAIM, type Principal } from './auth/principal';

export { buildOpenApiDocument, type OpenApiDocumentOptions, type OpenApiInfo } from './openapi/build-openapi-document';
export { OPENAPI_PATH } from './openapi/openapi-router';

export { startHttpServer, type HttpServerHandle, type StartHttpServerOptions } from './server/start-http-server';
export { shutdownSignal } from './server/shutdown-signal';
export { openEventStream, type EventStream, type EventStreamOptions, type ServerSentEvent } from './server/event-stream';
