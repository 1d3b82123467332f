// Serves the AsyncAPI catalog of mediaflow's events (generated in @mediaflow/contracts) at
// /asyncapi.json, public like /openapi.json: it documents what other teams may subscribe to.
import express, { type Router } from 'express';
import { ASYNCAPI_PATH } from './openapi-paths';

export const asyncApiRouter = (document: Readonly<Record<string, unknown>>): Router => {
  const body = JSON.stringify(document);
  const router = express.Router();
  router.get(ASYNCAPI_PATH, (_req, res) => {
    res.set('cache-control', 'no-cache').type('application/json').send(body);
  });
  return router;
};
