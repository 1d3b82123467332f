// What the middleware chain leaves for handlers and raw routers on res.locals, behind one typed
// accessor each, so no other file spells the key or casts.
import { type Response } from 'express';
import { type Logger } from '@mediaflow/logging';
import { type Principal } from '../auth/principal';
import { HttpProblem } from '../problems/http-problem';

interface RequestContext {
  correlationId: string;
  /** Child logger carrying the correlation id (and the owner id once authenticated). */
  log: Logger;
  principal?: Principal;
  /** The problem code answered, for the access log. */
  problemCode?: string;
}

const KEY = 'mediaflowRequest';

export const setRequestContext = (res: Response, context: RequestContext): void => {
  res.locals[KEY] = context;
};

export const requestContext = (res: Response): RequestContext => {
  const context = res.locals[KEY] as RequestContext | undefined;
  if (!context) throw new Error('no request context: the route is not mounted through createHttpApp');
  return context;
};

export const requestLog = (res: Response): Logger => requestContext(res).log;

export const correlationIdOf = (res: Response): string => requestContext(res).correlationId;

/** The authenticated caller; a route that forgot to authenticate answers 401 rather than run ownerless. */
export const principalOf = (res: Response): Principal => {
  const principal = requestContext(res).principal;
  if (!principal) throw new HttpProblem({ code: 'UNAUTHENTICATED', detail: 'this route needs an authenticated caller' });
  return principal;
};

/** The request path without its query string, which may carry signatures or tokens. */
export const pathOf = (originalUrl: string): string => originalUrl.split('?', 1)[0] ?? '/';
