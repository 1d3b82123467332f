// Serves the OpenAPI document at /openapi.json, and at /openapi/<service>.json when the app serves one
// service. It is built once, at app creation, so a route listing an unregistered problem code fails
// start-up instead of the first request for the document.
import express, { type Router } from 'express';
import { type oas31 } from 'zod-openapi';
import { OPENAPI_PATH, serviceOpenApiPath } from './openapi-paths';

export { OPENAPI_PATH } from './openapi-paths';

export const openApiRouter = (document: oas31.OpenAPIObject, service?: string): Router => {
  const body = JSON.stringify(document);
  const router = express.Router();
  const paths = service === undefined ? [OPENAPI_PATH] : [OPENAPI_PATH, serviceOpenApiPath(service)];
  router.get(paths, (_req, res) => {
    res.set('cache-control', 'no-cache').type('application/json').send(body);
  });
  return router;
};
