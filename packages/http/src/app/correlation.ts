// Gives every request a correlation id: the caller's `x-correlation-id` when it is a sane id, else a
// new one. It is echoed back, carried by the request's logger, and passed on into the events it causes.
import { randomUUID } from 'node:crypto';
import { type RequestHandler } from 'express';
import { type Logger, withCorrelation } from '@mediaflow/logging';
import { setRequestContext } from './request-context';

export const CORRELATION_HEADER = 'x-correlation-id';

// A caller's id lands in every log line and event of the request: bounded, and nothing that could
// forge a log line or break a header.
const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

const isSaneCorrelationId = (value: string): boolean => SANE_ID.test(value);

export const correlation =
  (logger: Logger): RequestHandler =>
  (req, res, next) => {
    const offered = req.get(CORRELATION_HEADER);
    const correlationId = offered !== undefined && isSaneCorrelationId(offered) ? offered : randomUUID();
    res.setHeader(CORRELATION_HEADER, correlationId);
    setRequestContext(res, { correlationId, log: withCorrelation(logger, correlationId) });
    next();
  };
