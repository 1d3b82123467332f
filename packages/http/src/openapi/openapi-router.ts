// Serves the OpenAPI document at /openapi.json. It is built once, at app creation, so a route listing
// an unregistered problem code fails start-up instead of the first request for the document.
import express, { type Router } from 'express';
import { type oas31 } from 'zod-openapi';

export const OPENAPI_PATH = '/openapi.json';

export const openApiRouter = (document: oas31.OpenAPIObject): Router => {
  const body = JSON.stringify(document);
  const router = express.Router();
  router.get(OPENAPI_PATH, (_req, res) => {
    res.set('cache-control', 'no-cache').type('application/json').send(body);
  });
  return router;
};
