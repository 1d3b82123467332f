// A known path asked with an unknown method answers 405 with `Allow`, not 404: the client has the
// right URL and should learn which methods it takes. Mounted after every service router, so a raw
// handler on the same path still wins.
import express, { type Router } from 'express';
import { HttpProblem } from '../problems/http-problem';
import { joinPath } from '../routes/route-path';
import { type ServiceRouter } from '../routes/service-router';

export const methodNotAllowed = (serviceRouters: ServiceRouter[]): Router => {
  const methodsByPath = new Map<string, Set<string>>();
  for (const serviceRouter of serviceRouters) {
    for (const declaration of serviceRouter.routes) {
      const path = joinPath(serviceRouter.basePath, declaration.path);
      const methods = methodsByPath.get(path) ?? new Set<string>();
      methods.add(declaration.method.toUpperCase());
      if (declaration.method === 'get') methods.add('HEAD');
      methodsByPath.set(path, methods);
    }
  }
  const router = express.Router();
  for (const [path, methods] of methodsByPath) {
    const allow = [...methods].sort().join(', ');
    router.all(path, (req, res, next) => {
      if (req.method === 'OPTIONS') {
        res.set('allow', `${allow}, OPTIONS`).status(204).end();
        return;
      }
      next(new HttpProblem({ code: 'METHOD_NOT_ALLOWED', detail: `${req.method} is not allowed here; use ${allow}`, headers: { allow } }));
    });
  }
  return router;
};
