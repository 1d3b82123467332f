// @mediaflow/contracts/asyncapi: the committed AsyncAPI 3.0 catalog of mediaflow's events
// (asyncapi.json, generated from the registry), as the API serves it at /asyncapi.json.
import document from '../../asyncapi.json';

/** The parsed catalog; treat it as read-only (every app serves the same object). */
export const asyncApiDocument: Readonly<Record<string, unknown>> = document;
