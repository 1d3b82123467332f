// JSON bodies are parsed per route that declares one, never app-wide: a raw router (streamed upload
// bytes) then gets an untouched request stream, whatever its content type.
import express, { type RequestHandler } from 'express';
import { HttpProblem } from '../problems/http-problem';

const JSON_TYPES = ['application/json', 'application/*+json'];
export const DEFAULT_BODY_LIMIT = '1mb';

const requireJsonContentType: RequestHandler = (req, _res, next) => {
  // No body at all (or an empty one): validation then says the body is required.
  const empty = req.get('content-length') === '0' || req.is(JSON_TYPES) === null;
  if (!empty && req.is(JSON_TYPES) === false) {
    throw new HttpProblem({ code: 'UNSUPPORTED_MEDIA_TYPE', detail: `send the body as application/json, not ${req.get('content-type') ?? 'no content type'}` });
  }
  next();
};

/** Content-type check, then express.json with the size limit (413 BODY_TOO_LARGE beyond it). */
export const jsonBody = (limit: number | string = DEFAULT_BODY_LIMIT): RequestHandler[] => [
  requireJsonContentType,
  express.json({ limit, strict: true, type: JSON_TYPES }),
];
