// Runs a declared route: parse the request, call the handler, and check its answer against the
// declared responses before sending, so the API never drifts from its OpenAPI document and never
// leaks a field the schema does not name (z.object strips unknown keys).
import { type RequestHandler, type Response } from 'express';
import { type z } from 'zod';
import { requestContext } from '../app/request-context';
import { Reply } from './reply';
import { type RouteDeclaration, responseSpec } from './route';
import { parseRequest } from './validate';

class ResponseContractViolation extends Error {
  readonly code = 'RESPONSE_CONTRACT_VIOLATION';
  override readonly name = 'ResponseContractViolation';
  constructor(
    message: string,
    readonly issues: z.core.$ZodIssue[] = [],
  ) {
    super(issues.length ? `${message}: ${JSON.stringify(issues)}` : message);
  }
}

const defaultStatus = (declaration: RouteDeclaration): number =>
  Math.min(...Object.keys(declaration.responses).map(Number).filter((s) => s >= 200 && s < 300));

const send = (declaration: RouteDeclaration, result: unknown, res: Response): void => {
  const answer = result instanceof Reply ? result : new Reply(defaultStatus(declaration), result);
  const where = `${declaration.method.toUpperCase()} ${declaration.path}`;
  if (!(answer.status in declaration.responses)) throw new ResponseContractViolation(`${where} answered ${answer.status}, which it does not declare`);
  const { schema } = responseSpec(declaration.responses[answer.status]);
  if (!schema) {
    if (answer.body !== undefined) throw new ResponseContractViolation(`${where} declares no body for ${answer.status} but returned one`);
    res.status(answer.status).set(answer.headers).end();
    return;
  }
  const checked = schema.safeParse(answer.body);
  if (!checked.success) throw new ResponseContractViolation(`${where} answered a ${answer.status} body that breaks its schema`, checked.error.issues);
  res.status(answer.status).set(answer.headers).json(checked.data);
};

export const runRoute =
  (declaration: RouteDeclaration): RequestHandler =>
  async (req, res) => {
    const input = parseRequest(
      declaration.request,
      req,
      declaration.refusal ? { explain: declaration.refusal, codes: declaration.problems } : undefined,
    );
    const { principal, log, correlationId } = requestContext(res);
    const result = await declaration.handler({
      body: input.body,
      query: input.query as Record<string, unknown> | undefined,
      params: input.params as Record<string, string>,
      principal,
      log,
      correlationId,
      req,
      res,
    });
    // The handler answered through `res` itself (a redirect it built, a stream).
    if (res.headersSent) return;
    send(declaration, result, res);
  };
