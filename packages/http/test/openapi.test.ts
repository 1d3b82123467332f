// The OpenAPI 3.1 document is generated from the same declarations that run the routes: every route
// is in it with its schemas, security and problem responses, and a broken declaration fails start-up.
import request from 'supertest';
import { z } from 'zod';
import { buildOpenApiDocument, createHttpApp, createTokenVerifier, route, RouteDeclarationInvalid, type ServiceRouter } from '../src';
import { captureLogs, type CapturedLogs } from './support/capture-logs';
import { SECRET } from './support/tokens';
import { faultsRouter, makeApp, testLogger, uploadsRouter } from './support/uploads-fixture';

type Json = Record<string, any>;  
const verifier = createTokenVerifier({ kind: 'hs256', secret: SECRET, adminClaim: 'roles' });
let doc: Json;
let logs: CapturedLogs;

beforeAll(async () => {
  logs = captureLogs();
  doc = (await request(makeApp(verifier)).get('/openapi.json').expect(200).expect('content-type', /application\/json/)).body;
});
afterAll(() => logs.restore());

const refsIn = (node: unknown): string[] =>
  typeof node !== 'object' || node === null
    ? []
    : Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsIn(v)));

const problemCodes = (operation: Json, status: string): string[] => operation.responses[status]?.['x-problem-codes'] ?? [];

describe('the OpenAPI document', () => {
  it('has the 3.1 shape: version, info, paths, components, resolvable refs, unique operation ids', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({ title: 'mediaflow test', version: '0.0.1' });
    for (const ref of refsIn(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.split('/').pop() as string]).toBeDefined();
    }
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item as Json)) as Json[];
    const ids = operations.map((op) => op.operationId).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(doc.paths).every((p) => !p.includes(':'))).toBe(true);
  });

  it('lists every declared route under its full OpenAPI path', () => {
    for (const router of [uploadsRouter, faultsRouter]) {
      for (const declaration of router.routes) {
        const path = `${router.basePath ?? ''}${declaration.path}`.replace(/:(\w+)/g, '{$1}');
        expect(doc.paths[path]?.[declaration.method]).toMatchObject({ summary: declaration.summary, tags: [router.service] });
      }
    }
    expect(doc.paths['/v1/uploads/{uploadId}/bytes'].put.summary).toBe('Upload the bytes');
  });

  it('documents request bodies, params, queries and success responses from the zod schemas', () => {
    const create = doc.paths['/v1/uploads'].post;
    expect(create.operationId).toBe('ingestPostUploads');
    const body = create.requestBody.content['application/json'].schema;
    expect(create.requestBody.required).toBe(true);
    expect(body.required).toEqual(['filename', 'contentType', 'size']);
    expect(body.properties.parts.items.properties.size).toMatchObject({ type: 'integer', exclusiveMinimum: 0 });
    expect(create.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Upload' });

    const list = doc.paths['/v1/uploads'].get;
    expect(list.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'query', name: 'limit' }), expect.objectContaining({ in: 'query', name: 'status' })]),
    );
    const complete = doc.paths['/v1/uploads/{uploadId}/complete'].post;
    expect(complete.parameters).toEqual([expect.objectContaining({ in: 'path', name: 'uploadId', required: true, schema: { type: 'string' } })]);
    expect(complete.responses['202']).toEqual({ description: 'Accepted' });
  });

  it('answers every error with the shared ProblemDetails schema, listing the codes per status', () => {
    const get = doc.paths['/v1/uploads/{uploadId}'].get;
    for (const status of ['400', '401', '404', 'default']) {
      expect(get.responses[status].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/ProblemDetails' });
    }
    expect(problemCodes(get, '404')).toEqual(['UPLOAD_NOT_FOUND']);
    expect(problemCodes(get, '401')).toEqual(['TOKEN_MISSING', 'TOKEN_INVALID', 'TOKEN_EXPIRED']);
    expect(problemCodes(doc.paths['/v1/uploads'].post, '413')).toEqual(['BODY_TOO_LARGE']);
    expect(problemCodes(doc.paths['/v1/uploads/{uploadId}/complete'].post, '409')).toEqual(['UPLOAD_ALREADY_COMPLETED']);
    expect(problemCodes(doc.paths['/v1/admin/stats'].get, '403')).toEqual(['FORBIDDEN']);
    expect(doc.components.schemas.ProblemDetails.required).toEqual(['type', 'title', 'status', 'detail', 'code', 'instance', 'correlationId']);
  });

  it('declares the bearer scheme and uses it on every route that is not public', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.paths['/v1/whoami'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/boom'].get.security).toEqual([]);
    expect(doc.paths['/boom'].get.responses['401']).toBeUndefined();
  });

  it('is not served when the app is created without it', async () => {
    const app = createHttpApp({ logger: testLogger, routers: [], auth: verifier, openapi: false });
    expect((await request(app).get('/openapi.json')).status).toBe(404);
  });
});

describe("one service's document at /openapi/<service>.json", () => {
  const info = { title: 'mediaflow ingest', version: '0.0.1' };

  it('serves the same document there as at /openapi.json when the app names its service', async () => {
    const app = makeApp(verifier, { openapi: { ...info, service: 'ingest' } });
    const whole = await request(app).get('/openapi.json').expect(200);
    const own = await request(app).get('/openapi/ingest.json').expect(200).expect('content-type', /application\/json/).expect('cache-control', 'no-cache');
    expect(own.text).toBe(whole.text);
    expect(own.body.info).toEqual(info);
    expect(own.body.paths['/v1/uploads'].post.operationId).toBe('ingestPostUploads');
    expect((await request(app).get('/openapi/jobs.json')).status).toBe(404);
  });

  it('is not served when the app names no service (embedded: one document for every service)', async () => {
    expect((await request(makeApp(verifier)).get('/openapi/ingest.json')).status).toBe(404);
  });

  it('refuses a service name that is not a plain path segment', () => {
    for (const service of ['Ingest', 'a/b', '../x', '']) {
      expect(() => makeApp(verifier, { openapi: { ...info, service } })).toThrow(RouteDeclarationInvalid);
    }
  });
});

describe('the AsyncAPI catalog at /asyncapi.json', () => {
  const catalog = { asyncapi: '3.0.0', info: { title: 'mediaflow events', version: '1.0.0' } };

  it('serves the catalog it is given without a token, beside routes that need one', async () => {
    const app = makeApp(verifier, { asyncapi: catalog });
    const res = await request(app).get('/asyncapi.json').expect(200).expect('content-type', /application\/json/).expect('cache-control', 'no-cache');
    expect(res.body).toEqual(catalog);
    expect((await request(app).get('/v1/whoami')).status).toBe(401);
  });

  it('is not served when the app is created without it', async () => {
    expect((await request(makeApp(verifier)).get('/asyncapi.json')).status).toBe(404);
  });
});

describe('declarations that cannot be served or documented fail early', () => {
  const health = (problems: string[] = []) =>
    route({ method: 'get', path: '/health', summary: 'Health', auth: 'public', responses: { 200: z.object({ ok: z.boolean() }) }, problems, handler: async () => ({ ok: true }) });
  const routerOf = (service: string, routes = [health()]): ServiceRouter => ({ service, routes });

  it('refuses an unregistered problem code', () => {
    expect(() => buildOpenApiDocument({ title: 't', version: '1', routers: [routerOf('a', [health(['NEVER_REGISTERED'])])] })).toThrow(/NEVER_REGISTERED/);
    expect(() => createHttpApp({ logger: testLogger, routers: [routerOf('a', [health(['NEVER_REGISTERED'])])], auth: verifier })).toThrow(RouteDeclarationInvalid);
  });

  it('refuses the same route from two services', () => {
    expect(() => createHttpApp({ logger: testLogger, routers: [routerOf('jobs'), routerOf('ingest')], auth: verifier })).toThrow(/GET \/health is declared by both jobs and ingest/);
  });

  it('refuses params that do not match the path, optional segments, and error statuses in responses', () => {
    const base = { method: 'get' as const, summary: 's', auth: 'public' as const, handler: async () => undefined };
    expect(() => route({ ...base, path: '/jobs/:jobId', request: { params: z.object({ id: z.string() }) }, responses: { 204: null } })).toThrow(/params schema/);
    expect(() => route({ ...base, path: '/jobs{/:jobId}', responses: { 204: null } })).toThrow(/optional segments/);
    expect(() => route({ ...base, path: '/jobs', responses: { 404: null } })).toThrow(/success statuses/);
  });
});
