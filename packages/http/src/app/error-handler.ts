// The one place errors become HTTP answers: every failure is application/problem+json, unknown ones
// are logged with their stack and answered as 500 INTERNAL with nothing of their cause.
import { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { HttpProblem } from '../problems/http-problem';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from '../problems/problem-details';
import { toProblem } from '../problems/to-problem';
import { pathOf, requestContext } from './request-context';

const sendProblem = (res: Response, body: ProblemDetails, headers: Record<string, string> = {}): void => {
  requestContext(res).problemCode = body.code;
  res
    .status(body.status)
    .set(headers)
    .set('cache-control', 'no-store')
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(body));
};

const asLoggable = (error: unknown): Error => (error instanceof Error ? error : new Error(`non-Error thrown: ${String(error)}`));

export const problemErrorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const { log, correlationId } = requestContext(res);
  // A request stream is destroyed once its body has been read, so that alone says nothing: the client
  // is gone when the body stopped short or the socket the answer would go to is closed.
  const clientGone = (req.destroyed && !req.complete) || !res.socket || res.socket.destroyed;
  if (clientGone && !res.headersSent) {
    // The client went away mid-request (an upload cancelled, a tab closed): nobody to answer, and not
    // a fault of ours. Whatever the handler had stored is its own to keep or discard.
    log.info('the client closed the request before it was answered', { reason: asLoggable(error).message });
    res.destroy();
    return;
  }
  if (res.headersSent) {
    // A stream failed after its status went out: nothing valid can follow, so cut the connection.
    log.error('error after the response started; closing the connection', asLoggable(error));
    res.destroy();
    return;
  }
  const problem = toProblem(error, { instance: pathOf(req.originalUrl), correlationId });
  if (problem.unexpected) log.error('unhandled error', asLoggable(error));
  else if (problem.body.status >= 500) log.error(`request failed: ${problem.body.code}`, asLoggable(error));
  else log.debug(`request refused: ${problem.body.code}`, { detail: problem.body.detail });
  sendProblem(res, problem.body, problem.headers);
};

export const routeNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpProblem({ code: 'ROUTE_NOT_FOUND', detail: `no route for ${req.method} ${pathOf(req.originalUrl)}` }));
};
