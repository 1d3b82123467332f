// The blob routers as @mediaflow/http ServiceRouters, so the one app mounts them beside the services'
// routes (no auth: the URL's signature is the credential) and documents them in /openapi.json: path
// and query parameters as zod schemas holding the same rules parseBlobPath and the URL checks apply,
// and every problem code each route can answer.
import type { Router } from 'express';
import { z } from 'zod';
import { problemResponsesFor, type ServiceRouter } from '@mediaflow/http';
import { MAX_PARTS } from './multipart/local-multipart-store';
import { QUERY } from './signing/blob-url-signer';
import './signing/signature-errors'; // registers the BLOB_* / URL_* codes the responses list

/** One decoded path segment as parseBlobPath accepts it: no ".", "..", slash, backslash or control character. */
// eslint-disable-next-line no-control-regex
const SEGMENT = /^(?!\.\.?$)[^\u0000-\u001f\u007f-\u009f/\\]+$/;
const segment = (description: string) => z.string().regex(SEGMENT).describe(description);
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const WHOLE_NUMBER = /^\d{1,15}$/;
const signedQuery = (extra: Record<string, z.ZodType>) =>
  z.object({
    [QUERY.expires]: z.string().regex(WHOLE_NUMBER).describe('Expiry, seconds since the epoch (signed)'),
    ...extra,
    [QUERY.signature]: z.string().regex(BASE64URL).describe('HMAC of the URL (base64url)'),
  });
const keyDescription =
  'Object key below the URL; a key of several segments is several path segments, each percent-encoded';
const bytes = { '*/*': { schema: z.string().meta({ format: 'binary' }) } };
const etagHeader = z.object({ etag: z.string().describe('Quoted entity tag of the stored bytes') });

const documentation: NonNullable<ServiceRouter['documentation']> = {
  '/blobs/{bucket}/t/{token}/{key}': {
    get: {
      operationId: 'blobsGetObject',
      summary: 'Read an object under a signed prefix URL (Range supported)',
      tags: ['blobs'],
      requestParams: {
        path: z.object({
          bucket: z.enum(['uploads', 'outputs']),
          token: z.string().regex(BASE64URL).describe('Signed prefix token (base64url)'),
          key: segment(keyDescription),
        }),
        header: z.object({
          range: z.string().optional().describe('One byte range, RFC 9110 (bytes=a-b, bytes=a-, bytes=-n)'),
          'if-none-match': z.string().optional(),
        }),
      },
      responses: {
        200: { description: 'the bytes', content: bytes },
        206: { description: 'a byte range', content: bytes },
        302: { description: 'AWS: redirect to a short-lived S3 presigned GET' },
        304: { description: 'not modified (If-None-Match)' },
        ...problemResponsesFor(
          ['BLOB_PATH_INVALID', 'URL_SIGNATURE_INVALID', 'URL_EXPIRED', 'BLOB_NOT_FOUND', 'BLOB_RANGE_INVALID'],
          'GET /blobs/{bucket}/t/{token}/{key}',
        ),
      },
    },
  },
  '/blobs/uploads/o/{key}': {
    put: {
      operationId: 'blobsPutObject',
      summary: 'Upload a single object through the signed URL returned by POST /v1/uploads',
      tags: ['blobs'],
      requestParams: {
        path: z.object({ key: segment(keyDescription) }),
        query: signedQuery({
          [QUERY.size]: z.string().regex(WHOLE_NUMBER).describe('Exact body size in bytes (signed)'),
          [QUERY.type]: z.string().min(1).describe('Content-Type the body must be sent with (signed)'),
        }),
      },
      requestBody: { content: bytes },
      responses: {
        200: { description: 'stored', headers: etagHeader },
        ...problemResponsesFor(
          ['BLOB_PATH_INVALID', 'BLOB_BODY_INCOMPLETE', 'URL_SIGNATURE_INVALID', 'URL_EXPIRED', 'BLOB_BODY_TOO_LARGE'],
          'PUT /blobs/uploads/o/{key}',
        ),
      },
    },
  },
  '/blobs/uploads/mp/{multipartId}/{partNumber}': {
    put: {
      operationId: 'blobsPutPart',
      summary: 'Upload one part of a multipart upload through its signed URL',
      tags: ['blobs'],
      requestParams: {
        path: z.object({
          multipartId: segment('The multipart upload id in the signed part URL'),
          partNumber: z.int().min(1).max(MAX_PARTS),
        }),
        query: signedQuery({
          [QUERY.maxSize]: z.string().regex(WHOLE_NUMBER).describe('Largest body size in bytes (signed)'),
        }),
      },
      requestBody: { content: bytes },
      responses: {
        200: { description: 'stored; name the part by this ETag to complete', headers: etagHeader },
        ...problemResponsesFor(
          [
            'BLOB_PATH_INVALID',
            'MULTIPART_PARTS_INVALID',
            'URL_SIGNATURE_INVALID',
            'URL_EXPIRED',
            'MULTIPART_UPLOAD_NOT_FOUND',
            'BLOB_BODY_TOO_LARGE',
          ],
          'PUT /blobs/uploads/mp/{multipartId}/{partNumber}',
        ),
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
