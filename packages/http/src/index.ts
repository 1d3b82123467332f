// @mediaflow/http: the HTTP foundation of every service — one express app from service routers,
// problem+json errors, zod-validated routes, JWT bearer auth, and the OpenAPI 3.1 document.
export { createHttpApp, type HttpAppOptions } from './app/create-http-app';
export { CORRELATION_HEADER } from './app/correlation';
export {
  CorsOriginInvalid,
  CorsOriginsSchema,
  CorsSettingsSchema,
  normalizeOrigin,
  type CorsOptions,
} from './app/cors';
export { correlationIdOf, principalOf, requestLog } from './app/request-context';
export { DEFAULT_BODY_LIMIT } from './app/json-body';

export { HttpProblem, isHttpProblem } from './problems/http-problem';
export { registerProblemCodes, problemCode, isRegisteredProblemCode, ProblemCodeConflict } from './problems/problem-codes';
export {
  PROBLEM_CONTENT_TYPE,
  ProblemDetailsSchema,
  type ProblemDetails,
  type ProblemIssue,
} from './problems/problem-details';
export { toProblem } from './problems/to-problem';

export { route, type RequestSchemas, type RouteDeclaration } from './routes/route';
export { reply, Reply } from './routes/reply';
export { RouteDeclarationInvalid } from './routes/route-path';

export { parseRequest } from './routes/validate';
export { type RawRouteKit, type ServiceRouter } from './routes/service-router';

export { AuthConfigSchema, AuthEnvironmentSchema, loadAuthConfig, MIN_SECRET_BYTES, type AuthConfig } from './auth/auth-config';
export { authenticate, type AuthenticateOptions } from './auth/authenticate';
export { createTokenVerifier, type TokenVerifier } from './auth/token-verifier';
export { issueDevelopmentToken } from './auth/development-token';
export { ADMIN_ROLE, type Principal } from './auth/principal';

export { buildOpenApiDocument, type OpenApiInfo } from './openapi/build-openapi-document';
export { ASYNCAPI_PATH, OPENAPI_PATH } from './openapi/openapi-paths';
export { problemResponsesFor } from './openapi/operation';

export { startHttpServer, type HttpServerHandle } from './server/start-http-server';
export { shutdownSignal } from './server/shutdown-signal';
export { openEventStream } from './server/event-stream';
