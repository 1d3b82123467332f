// One declaration per route: method, path, auth, zod schemas for the request and the responses, and
// the handler. The express route and the OpenAPI operation are both made from it.
import { type Request, type Response } from 'express';
import { z } from 'zod';
import { type Logger } from '@mediaflow/logging';
import { type Principal } from '../auth/principal';
import { type Reply } from './reply';
import { type RefusalExplainer } from './validate';
import { assertDocumentablePath, pathParamNames, RouteDeclarationInvalid } from './route-path';

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** public: anyone; owner: any valid token, `sub` owns what it touches; admin: a token with the admin role. */
type AuthRequirement = 'public' | 'owner' | 'admin';

export interface RequestSchemas {
  body?: z.ZodType;
  query?: z.ZodObject;
  params?: z.ZodObject;
}

interface ResponseSpec {
  description?: string;
  /** JSON body; omit for a response without one (204, a redirect). */
  schema?: z.ZodType;
  /** Documented response headers. */
  headers?: z.ZodObject;
}
/** A zod schema (JSON body), a full spec, or null for "no body". */
type ResponseDeclaration = z.ZodType | ResponseSpec | null;
type ResponseDeclarations = Record<number, ResponseDeclaration>;

type Parsed<S, Otherwise> = S extends z.ZodType ? z.output<S> : Otherwise;
/** '/uploads/:uploadId/parts/:part' → 'uploadId' | 'part', so undeclared params are typed too. */
type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
type ResponseBody<D> = D extends z.ZodType ? z.input<D> : D extends { schema: infer S extends z.ZodType } ? z.input<S> : never;

interface HandlerContext<R extends RequestSchemas, A extends AuthRequirement, P extends string = string> {
  body: Parsed<R['body'], undefined>;
  query: Parsed<R['query'], undefined>;
  params: Parsed<R['params'], string extends P ? Record<string, string> : Record<PathParamNames<P>, string>>;
  principal: A extends 'public' ? undefined : Principal;
  log: Logger;
  correlationId: string;
  req: Request;
  res: Response;
}

interface RouteMetadata {
  method: HttpMethod;
  summary: string;
  description?: string;
  /** Defaults to the service name. */
  tags?: string[];
  /** Defaults to service + method + path, e.g. ingestPostUploadsUploadIdComplete. */
  operationId?: string;
  deprecated?: boolean;
  /** Registered problem codes this route answers besides the automatic ones (validation, auth). */
  problems?: string[];
  /**
   * For a request that breaks the schemas: the domain's own coded error for it (returned or thrown),
   * answered instead of VALIDATION_FAILED when its code is one of `problems`.
   */
  refusal?: RefusalExplainer;
}

interface RouteDefinition<P extends string, R extends RequestSchemas, A extends AuthRequirement, Resp extends ResponseDeclarations>
  extends RouteMetadata {
  /** express syntax, relative to the service router's basePath: `/uploads/:uploadId`. */
  path: P;
  auth: A;
  request?: R;
  /** Success statuses only (2xx/3xx); errors are problem+json and come from `problems`. */
  responses: Resp;
  /** Return a body (sent with the first declared 2xx), a Reply, or nothing after answering through `res`. */
  handler: (context: HandlerContext<R, A, P>) => Promise<ResponseBody<Resp[keyof Resp]> | Reply | void>;
}

/** A route with its types erased, as service routers hold it. */
export interface RouteDeclaration extends RouteMetadata {
  path: string;
  auth: AuthRequirement;
  /** `params` is always present when the path has parameters (strings unless declared). */
  request: RequestSchemas;
  responses: ResponseDeclarations;
  problems: string[];
  handler: (context: HandlerContext<RequestSchemas, AuthRequirement>) => Promise<unknown>;
}

export const responseSpec = (declaration: ResponseDeclaration | undefined): ResponseSpec =>
  declaration === null || declaration === undefined ? {} : declaration instanceof z.ZodType ? { schema: declaration } : declaration;

const paramsSchemaFor = (path: string, declared: z.ZodObject | undefined): z.ZodObject | undefined => {
  const names = pathParamNames(path);
  if (!declared) return names.length === 0 ? undefined : z.object(Object.fromEntries(names.map((n) => [n, z.string()])));
  const keys = Object.keys(declared.shape).sort();
  if (keys.join() !== [...names].sort().join()) {
    throw new RouteDeclarationInvalid(`route ${path}: params schema has [${keys.join(', ')}], the path has [${names.join(', ')}]`);
  }
  return declared;
};

export const route = <
  P extends string,
  R extends RequestSchemas = {}, // eslint-disable-line @typescript-eslint/no-empty-object-type -- no request schemas at all
  A extends AuthRequirement = AuthRequirement,
  Resp extends ResponseDeclarations = ResponseDeclarations,
>(
  definition: RouteDefinition<P, R, A, Resp>,
): RouteDeclaration => {
  assertDocumentablePath(definition.path);
  const statuses = Object.keys(definition.responses).map(Number);
  if (statuses.length === 0 || statuses.some((s) => !Number.isInteger(s) || s < 200 || s > 399)) {
    throw new RouteDeclarationInvalid(`route ${definition.method} ${definition.path}: responses must declare success statuses (2xx/3xx) only`);
  }
  const request: RequestSchemas = { ...definition.request };
  const params = paramsSchemaFor(definition.path, definition.request?.params);
  if (params) request.params = params;
  return {
    ...definition,
    request,
    problems: definition.problems ?? [],
    handler: definition.handler as RouteDeclaration['handler'],
  };
};
