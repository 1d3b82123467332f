// A small uploads-like service router exercising every feature the services use: typed bodies,
// queries and params, owner and admin routes, registered domain errors, and raw handlers.
import { z } from 'zod';
import { createLogger } from '@mediaflow/logging';
import {
  createHttpApp,
  type HttpAppOptions,
  HttpProblem,
  openEventStream,
  registerProblemCodes,
  reply,
  route,
  type ServiceRouter,
  type TokenVerifier,
} from '../../src';

registerProblemCodes({ UPLOAD_NOT_FOUND: 404, UPLOAD_ALREADY_COMPLETED: { status: 409, title: 'Upload already completed' } });

export class UploadNotFound extends Error {
  readonly code = 'UPLOAD_NOT_FOUND';
  override readonly name = 'UploadNotFound';
  constructor(uploadId: string) {
    super(`upload ${uploadId} not found`);
  }
}

const UploadSchema = z
  .object({ uploadId: z.string(), ownerId: z.string(), filename: z.string(), size: z.number().int() })
  .meta({ id: 'Upload' });

const CreateUploadSchema = z.object({
  filename: z.string().min(1),
  contentType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/),
  size: z.number().int().positive(),
  parts: z.array(z.object({ size: z.number().int().positive() })).optional(),
});

const UploadIdParams = z.object({ uploadId: z.string().regex(/^up_[a-z0-9]+$/) });

const uploadRoutes = [
  route({
    method: 'post', path: '/uploads', summary: 'Start an upload', auth: 'owner',
    request: { body: CreateUploadSchema },
    responses: { 201: UploadSchema },
    // The extra field proves responses are stripped to their schema.
    handler: async ({ body, principal }) =>
      ({ uploadId: 'up_1', ownerId: principal.ownerId, filename: body.filename, size: body.size, internalKey: 's3://secret' }) as z.input<typeof UploadSchema>,
  }),
  route({
    method: 'get', path: '/uploads/:uploadId', summary: 'Get an upload', auth: 'owner',
    request: { params: UploadIdParams },
    responses: { 200: UploadSchema },
    problems: ['UPLOAD_NOT_FOUND'],
    handler: async ({ params, principal }) => {
      if (params.uploadId === 'up_missing') throw new UploadNotFound(params.uploadId);
      return { uploadId: params.uploadId, ownerId: principal.ownerId, filename: 'a.mp4', size: 10 };
    },
  }),
  route({
    method: 'get', path: '/uploads', summary: 'List uploads', auth: 'owner',
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), status: z.enum(['pending', 'completed']).optional() }) },
    responses: { 200: z.object({ items: z.array(UploadSchema), limit: z.number() }) },
    handler: async ({ query }) => ({ items: [], limit: query.limit }),
  }),
  route({
    method: 'post', path: '/uploads/:uploadId/complete', summary: 'Complete an upload', auth: 'owner',
    responses: { 202: null },
    problems: ['UPLOAD_NOT_FOUND', 'UPLOAD_ALREADY_COMPLETED'],
    handler: async ({ params }) => {
      if (params.uploadId === 'up_done') throw new HttpProblem({ code: 'UPLOAD_ALREADY_COMPLETED', detail: 'upload up_done is already completed' });
      return reply(202, undefined, { location: `/v1/uploads/${params.uploadId}` });
    },
  }),
  route({
    method: 'delete', path: '/uploads/:uploadId', summary: 'Abort an upload', auth: 'owner',
    responses: { 204: null },
    handler: async () => undefined,
  }),
  route({
    method: 'get', path: '/whoami', summary: 'The caller', auth: 'owner',
    responses: { 200: z.object({ ownerId: z.string(), isAdmin: z.boolean() }) },
    handler: async ({ principal }) => ({ ownerId: principal.ownerId, isAdmin: principal.isAdmin }),
  }),
  route({
    method: 'get', path: '/admin/stats', summary: 'Counts', auth: 'admin',
    responses: { 200: z.object({ uploads: z.number() }) },
    handler: async () => ({ uploads: 3 }),
  }),
];

export const uploadsRouter: ServiceRouter = {
  service: 'ingest',
  basePath: '/v1',
  routes: uploadRoutes,
  extra: (router, kit) => {
    // A raw body that happens to be JSON must reach the handler untouched.
    router.put('/uploads/:uploadId/bytes', kit.authenticate(), async (req, res) => {
      let bytes = 0;
      for await (const chunk of req) bytes += (chunk as Buffer).length;
      res.json({ bytes });
    });
    router.get('/events', kit.authenticate({ allowQueryToken: true }), (req, res) => {
      const stream = openEventStream(req, res);
      stream.send({ event: 'hello', data: { ok: true }, id: '1' });
    });
  },
  documentation: {
    '/v1/uploads/{uploadId}/bytes': { put: { summary: 'Upload the bytes', responses: { 200: { description: 'Stored' } } } },
  },
};

export const faultsRouter: ServiceRouter = {
  service: 'faults',
  routes: [
    route({ method: 'get', path: '/boom', summary: 'Throws', auth: 'public', responses: { 200: z.object({}) }, handler: async () => {
      throw new Error('connection to db://admin:hunter2@10.0.0.5 failed');
    } }),
    route({ method: 'get', path: '/broken-contract', summary: 'Answers off-schema', auth: 'public', responses: { 200: z.object({ n: z.number() }) },
      handler: async () => ({ n: 'not a number' }) as unknown as { n: number } }),
    route({ method: 'get', path: '/teapot', summary: 'Unregistered code', auth: 'public', responses: { 200: z.object({}) }, handler: async () => {
      throw new HttpProblem({ status: 418, code: 'TEAPOT', detail: 'short and stout' });
    } }),
  ],
};

export const testLogger = createLogger('http-test');

export const makeApp = (auth: TokenVerifier, overrides: Partial<HttpAppOptions> = {}) =>
  createHttpApp({ logger: testLogger, routers: [uploadsRouter, faultsRouter], auth, bodyLimit: 1024, openapi: { title: 'mediaflow test', version: '0.0.1' }, ...overrides });
