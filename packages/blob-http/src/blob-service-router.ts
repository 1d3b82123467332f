// The blob routers as @mediaflow/http ServiceRouters, so the one app mounts them beside the services'
// routes (no auth: the URL's signature is the credential) and documents them in /openapi.json.
import type { Router } from 'express';
import type { ServiceRouter } from '@mediaflow/http';

const problem = { description: 'problem+json (URL_SIGNATURE_INVALID, URL_EXPIRED, BLOB_NOT_FOUND, ...)' };

const documentation: NonNullable<ServiceRouter['documentation']> = {
  '/blobs/{bucket}/t/{token}/{key}': {
    get: {
      summary: 'Read an object under a signed prefix URL (Range supported)',
      tags: ['blobs'],
      responses: {
        200: { description: 'the bytes' },
        206: { description: 'a byte range' },
        302: { description: 'AWS: redirect to S3' },
        403: problem,
        404: problem,
      },
    },
  },
  '/blobs/uploads/o/{key}': {
    put: {
      summary: 'Upload a single object through the signed URL returned by POST /v1/uploads',
      tags: ['blobs'],
      responses: { 200: { description: 'stored; ETag header' }, 400: problem, 403: problem, 413: problem },
    },
  },
  '/blobs/uploads/mp/{multipartId}/{partNumber}': {
    put: {
      summary: 'Upload one part of a multipart upload through its signed URL',
      tags: ['blobs'],
      responses: {
        200: { description: 'stored; ETag header, needed to complete' },
        403: problem,
        404: problem,
        413: problem,
      },
    },
  },
};

export const blobServiceRouter = (router: Router): ServiceRouter => ({
  service: 'blobs',
  routes: [],
  extra: (mount) => {
    mount.use(router);
  },
  documentation,
});
