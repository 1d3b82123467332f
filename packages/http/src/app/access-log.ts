// One structured line per request once it ends (or the client goes away): method, path, status,
// duration, the problem code if any. The correlation id comes with the request's child logger.
import { type RequestHandler } from 'express';
import { pathOf, requestContext } from './request-context';

export const accessLog: RequestHandler = (req, res, next) => {
  const started = performance.now();
  let written = false;
  const write = (): void => {
    if (written) return;
    written = true;
    const context = requestContext(res);
    const entry = {
      method: req.method,
      path: pathOf(req.originalUrl), // never the query: presigned URLs carry their signature there
      status: res.statusCode,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(context.problemCode ? { code: context.problemCode } : {}),
      ...(context.principal ? { ownerId: context.principal.ownerId } : {}),
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (res.statusCode >= 500) context.log.warn('http request', entry);
    else context.log.info('http request', entry);
  };
  res.once('finish', write);
  res.once('close', write);
  next();
};
