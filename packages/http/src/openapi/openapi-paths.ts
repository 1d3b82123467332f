// Where an app serves its OpenAPI document: /openapi.json always, and /openapi/<service>.json when it
// serves one service (each api process on AWS), so one load balancer can send every service's
// document to that service. No heavy imports: the cdktf stacks read these paths to route them.
import { RouteDeclarationInvalid } from '../routes/route-path';

export const OPENAPI_PATH = '/openapi.json';

/** The AsyncAPI catalog of the events; on AWS the load balancer routes it with /openapi.json. */
export const ASYNCAPI_PATH = '/asyncapi.json';

const SERVICE_NAME = /^[a-z][a-z0-9-]*$/;

/** `/openapi/<service>.json`; the name must be a plain path segment (lower-case letters, digits, `-`). */
export const serviceOpenApiPath = (service: string): string => {
  if (!SERVICE_NAME.test(service)) throw new RouteDeclarationInvalid(`service name ${JSON.stringify(service)} cannot name an OpenAPI document path`);
  return `/openapi/${service}.json`;
};
