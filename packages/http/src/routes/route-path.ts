// Route paths are written the express way (`/uploads/:uploadId`); OpenAPI wants `{uploadId}`. Both
// forms, and the list of path parameters, come from here.

export class RouteDeclarationInvalid extends Error {
  readonly code = 'ROUTE_DECLARATION_INVALID';
  override readonly name = 'RouteDeclarationInvalid';
}

const PARAM = /[:*]([A-Za-z_$][\w$]*)/g;

export const assertDocumentablePath = (path: string): void => {
  if (!path.startsWith('/')) throw new RouteDeclarationInvalid(`route path ${path} must start with /`);
  // express 5 writes optional segments in braces; OpenAPI has no optional path segment.
  if (/[{}()?]/.test(path)) throw new RouteDeclarationInvalid(`route path ${path}: optional segments and patterns cannot be documented`);
};

export const pathParamNames = (path: string): string[] => [...path.matchAll(PARAM)].map((m) => m[1] ?? '');

export const toOpenApiPath = (path: string): string => path.replace(PARAM, '{$1}');

export const joinPath = (basePath: string | undefined, path: string): string =>
  `${(basePath ?? '').replace(/\/+$/, '')}${path === '/' ? '' : path}` || '/';
