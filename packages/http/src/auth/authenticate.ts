// Express side of auth: reads `Authorization: Bearer <JWT>`, verifies it, and leaves the Principal on
// the request context; `admin` additionally demands the admin role (403 otherwise).
import { type Request, type RequestHandler } from 'express';
import { HttpProblem } from '../problems/http-problem';
import { requestContext } from '../app/request-context';
import { bearerChallenge, tokenProblem, type TokenVerifier } from './token-verifier';

export interface AuthenticateOptions {
  admin?: boolean;
  /**
   * Also accept `?access_token=` (RFC 6750 §2.3). Only for routes a browser opens without headers,
   * such as an EventSource; the access log never writes query strings.
   */
  allowQueryToken?: boolean;
}

// RFC 6750 b64token: anything else cannot be a JWT.
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

const tokenFrom = (req: Request, allowQueryToken: boolean): string | undefined => {
  const header = req.get('authorization');
  const match = header ? /^Bearer[ ]+(.*)$/i.exec(header.trim()) : null;
  if (match && match[1]) return match[1];
  const query = allowQueryToken ? req.query['access_token'] : undefined;
  return typeof query === 'string' && query.length > 0 ? query : undefined;
};

export const authenticate =
  (verifier: TokenVerifier, options: AuthenticateOptions = {}): RequestHandler =>
  async (req, res, next) => {
    const token = tokenFrom(req, options.allowQueryToken ?? false);
    if (token === undefined) {
      // RFC 6750 §3.1: a request with no credentials gets a challenge without an error code.
      throw new HttpProblem({ code: 'TOKEN_MISSING', detail: 'send Authorization: Bearer <token>', headers: bearerChallenge() });
    }
    if (!B64TOKEN.test(token)) throw tokenProblem('TOKEN_INVALID', 'the bearer token is not a JWT');
    const principal = await verifier.verify(token);
    const context = requestContext(res);
    context.principal = principal;
    context.log = context.log.createChild({ persistentKeys: { ownerId: principal.ownerId } });
    if (options.admin && !principal.isAdmin) {
      throw new HttpProblem({ code: 'FORBIDDEN', detail: 'this route needs the admin role', headers: bearerChallenge('insufficient_scope', 'the admin role is required') });
    }
    next();
  };
