// What a service contributes to the HTTP app: its declared routes under a base path, plus raw handlers
// for what is not JSON in / JSON out (streamed upload bytes, SSE), documented by hand if at all.
import express, { type RequestHandler, type Router } from 'express';
import { type ZodOpenApiPathsObject } from 'zod-openapi';
import { type AuthenticateOptions, authenticate } from '../auth/authenticate';
import { type TokenVerifier } from '../auth/token-verifier';
import { jsonBody } from '../app/json-body';
import { type RouteDeclaration } from './route';
import { runRoute } from './run-route';

/** Handed to `extra`, so raw handlers get the same auth and body parsing as declared routes. */
export interface RawRouteKit {
  /** authenticate(), or authenticate({ admin: true }), or ({ allowQueryToken: true }) for an EventSource. */
  authenticate: (options?: AuthenticateOptions) => RequestHandler;
  /** Content-type check + JSON parser with the app's size limit. */
  jsonBody: RequestHandler[];
}

export interface ServiceRouter {
  /** Service name: the default OpenAPI tag, part of default operation ids. */
  service: string;
  /** Prefix of every route of this router, e.g. `/v1`. */
  basePath?: string;
  routes: RouteDeclaration[];
  /** Raw handlers, mounted after the declared routes on the same router (paths relative to basePath). */
  extra?: (router: Router, kit: RawRouteKit) => void;
  /** OpenAPI paths (full paths, OpenAPI syntax) of the raw handlers, merged into the document. */
  documentation?: ZodOpenApiPathsObject;
}

interface MountOptions {
  verifier: TokenVerifier;
  bodyLimit: number | string;
}

const middlewareFor = (declaration: RouteDeclaration, options: MountOptions): RequestHandler[] => [
  ...(declaration.auth === 'public' ? [] : [authenticate(options.verifier, { admin: declaration.auth === 'admin' })]),
  ...(declaration.request.body ? jsonBody(options.bodyLimit) : []),
  runRoute(declaration),
];

export const buildServiceRouter = (serviceRouter: ServiceRouter, options: MountOptions): Router => {
  const router = express.Router();
  for (const declaration of serviceRouter.routes) {
    router[declaration.method](declaration.path, ...middlewareFor(declaration, options));
  }
  serviceRouter.extra?.(router, {
    authenticate: (authOptions) => authenticate(options.verifier, authOptions),
    jsonBody: jsonBody(options.bodyLimit),
  });
  return router;
};
