// The one express app every mode serves: the services' routers on one port embedded, one router per
// process on AWS. Order: correlation id and access log, CORS (when the UI lives on another origin),
// the OpenAPI and AsyncAPI documents, the service routers, 405 for known paths, 404 for the rest, and the single
// error middleware.
import express, { type Express } from 'express';
import { type Logger } from '@mediaflow/logging';
import { type TokenVerifier } from '../auth/token-verifier';
import { buildOpenApiDocument, type OpenApiInfo } from '../openapi/build-openapi-document';
import { asyncApiRouter } from '../openapi/asyncapi-router';
import { openApiRouter } from '../openapi/openapi-router';
import { joinPath, RouteDeclarationInvalid } from '../routes/route-path';
import { buildServiceRouter, type ServiceRouter } from '../routes/service-router';
import { accessLog } from './access-log';
import { correlation } from './correlation';
import { cors, type CorsOptions } from './cors';
import { problemErrorHandler, routeNotFound } from './error-handler';
import { DEFAULT_BODY_LIMIT } from './json-body';
import { methodNotAllowed } from './method-not-allowed';

export interface HttpAppOptions {
  logger: Logger;
  routers: ServiceRouter[];
  /** Verifies bearer tokens for every route that is not public (see createTokenVerifier). */
  auth: TokenVerifier;
  /** Largest JSON body accepted, bytes or '1mb'; beyond it 413 BODY_TOO_LARGE. */
  bodyLimit?: number | string;
  /** Serve /openapi.json (and /openapi/<service>.json with `service`) with this info; false to serve none. */
  openapi?: OpenApiInfo | false;
  /** The events' AsyncAPI catalog (@mediaflow/contracts/asyncapi), served publicly at /asyncapi.json; absent: not served. */
  asyncapi?: Readonly<Record<string, unknown>>;
  /**
   * Browser origins allowed to call the API from another origin (the web UI on a CDN). Absent: no
   * CORS headers at all, which is right when the UI is served by the same origin (embedded).
   */
  cors?: CorsOptions;
}

// Two services declaring the same route would silently shadow each other in embedded mode.
const assertUniqueRoutes = (routers: ServiceRouter[]): void => {
  const seen = new Map<string, string>();
  for (const router of routers) {
    for (const declaration of router.routes) {
      const key = `${declaration.method.toUpperCase()} ${joinPath(router.basePath, declaration.path)}`;
      const owner = seen.get(key);
      if (owner !== undefined) throw new RouteDeclarationInvalid(`${key} is declared by both ${owner} and ${router.service}`);
      seen.set(key, router.service);
    }
  }
};

export const createHttpApp = (options: HttpAppOptions): Express => {
  assertUniqueRoutes(options.routers);
  const app = express();
  app.disable('x-powered-by');
  app.use(correlation(options.logger), accessLog, (_req, res, next) => {
    res.set('x-content-type-options', 'nosniff');
    next();
  });
  // Before every router: a preflight never reaches auth, and problems carry the headers too.
  if (options.cors) app.use(cors(options.cors));
  if (options.openapi !== false) {
    const info = options.openapi ?? { title: 'mediaflow', version: '1.0.0' };
    app.use(openApiRouter(buildOpenApiDocument({ ...info, routers: options.routers }), info.service));
  }
  if (options.asyncapi) app.use(asyncApiRouter(options.asyncapi));
  const mount = { verifier: options.auth, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT };
  for (const serviceRouter of options.routers) {
    const router = buildServiceRouter(serviceRouter, mount);
    if (serviceRouter.basePath) app.use(serviceRouter.basePath, router);
    else app.use(router);
  }
  app.use(methodNotAllowed(options.routers), routeNotFound, problemErrorHandler);
  return app;
};
