// The uploads API (/v1/uploads), declared with @mediaflow/http's route(): validation, owner auth,
// problem+json and the OpenAPI operations all come from these declarations.
import { z } from 'zod';
import { reply, route, type ServiceRouter } from '@mediaflow/http';
import type { IngestApplication } from '../../application/ingest-application';
import type { SourceAddressPolicy } from '../../domain/source-url';
import type { UploadPolicy } from '../../domain/upload-policy';
import { registerIngestProblems } from './ingest-problems';
import {
  AbortedUpload,
  CompletedUpload,
  CompleteUploadBody,
  createUploadBody,
  UploadIdParams,
  UploadResource,
  UploadTicket,
} from './upload-schemas';
import { resourceView, ticketView, uploadPath } from './upload-views';
import { uploadRefusal } from './upload-refusal';

export const ingestRouter = (app: IngestApplication, policy: UploadPolicy): ServiceRouter => {
  // Where URL ingest is not wired, no source passes the schema's pattern check: the loopback is off.
  const sources: SourceAddressPolicy = app.deps.urlIngest?.policy ?? { allowLoopback: false };
  registerIngestProblems();
  return {
    service: 'ingest',
    basePath: '/v1',
    routes: [
      route({
        method: 'post',
        path: '/uploads',
        summary: 'Start an upload',
        description:
          'Returns a presigned PUT URL (single) or one URL per part (multipart, from the configured threshold). With sourceUrl instead, the service fetches the file itself and answers 202 with the upload (status fetching); GET it for progress, then it completes (and its job starts) or fails with a SOURCE_* code.',
        auth: 'owner',
        request: { body: createUploadBody(policy, sources.allowLoopback) },
        responses: {
          201: {
            schema: UploadTicket,
            headers: z.object({ location: z.string().describe('The upload resource.') }),
          },
          202: {
            schema: UploadResource,
            headers: z.object({ location: z.string().describe('The upload resource.') }),
          },
        },
        problems: ['FILENAME_INVALID', 'CONTENT_TYPE_NOT_ALLOWED', 'UPLOAD_TOO_LARGE', 'PROFILE_UNKNOWN', 'SOURCE_URL_INVALID', 'SOURCE_ADDRESS_LOOPBACK', 'SOURCE_ADDRESS_INTERNAL'],
        refusal: uploadRefusal(policy, sources),
        handler: async ({ body, principal, correlationId }) => {
          const { sourceUrl, filename, contentType, size, sha256, profile } = body;
          if (sourceUrl !== undefined) {
            const view = await app.initiateFromUrl({
              sourceUrl,
              ownerId: principal.ownerId,
              correlationId,
              ...(filename !== undefined && { filename }),
              ...(contentType !== undefined && { contentType }),
              ...(profile !== undefined && { profile }),
            });
            return reply(202, resourceView(view), { location: uploadPath(view.upload.uploadId) });
          }
          // The schema's refinement guarantees these three without a sourceUrl.
          const initiated = await app.initiate({
            filename: filename as string,
            contentType: contentType as string,
            size: size as number,
            ownerId: principal.ownerId,
            correlationId,
            ...(sha256 !== undefined && { sha256 }),
            ...(profile !== undefined && { profile }),
          });
          return reply(201, ticketView(initiated), { location: uploadPath(initiated.upload.uploadId) });
        },
      }),
      route({
        method: 'post',
        path: '/uploads/:uploadId/complete',
        summary: 'Complete an upload',
        description:
          'Checks the stored object (size, and SHA-256 when declared at creation or given here) and publishes UploadCompleted. Completing twice answers 409 UPLOAD_ALREADY_COMPLETED.',
        auth: 'owner',
        request: { params: UploadIdParams, body: CompleteUploadBody },
        responses: { 200: CompletedUpload },
        problems: [
          'UPLOAD_NOT_FOUND',
          'UPLOAD_NOT_RECEIVED',
          'UPLOAD_SIZE_MISMATCH',
          'UPLOAD_CHECKSUM_MISMATCH',
          'UPLOAD_CHECKSUM_CONFLICT',
          'UPLOAD_PARTS_INVALID',
          'UPLOAD_ALREADY_COMPLETED',
          'UPLOAD_EXPIRED',
          'UPLOAD_ABORTED',
          'UPLOAD_FETCHING',
          'UPLOAD_FAILED',
        ],
        handler: async ({ params, body, principal, correlationId }) =>
          app.complete({
            uploadId: params.uploadId,
            ownerId: principal.ownerId,
            correlationId,
            ...(body?.parts !== undefined && { parts: body.parts }),
            ...(body?.sha256 !== undefined && { sha256: body.sha256 }),
          }),
      }),
      route({
        method: 'post',
        path: '/uploads/:uploadId/abort',
        summary: 'Abort an upload',
        description:
          'Ends a pending upload and deletes what was sent. Aborting again answers the same status; a completed upload 409.',
        auth: 'owner',
        request: { params: UploadIdParams },
        responses: { 200: AbortedUpload },
        problems: ['UPLOAD_NOT_FOUND', 'UPLOAD_ALREADY_COMPLETED'],
        // An aborted URL ingest stops fetching at its next progress beat and deletes what it stored.
        handler: async ({ params, principal, correlationId }) =>
          app.abort({ uploadId: params.uploadId, ownerId: principal.ownerId, correlationId }),
      }),
      route({
        method: 'get',
        path: '/uploads/:uploadId',
        summary: 'Get an upload',
        description:
          "Status, declared metadata and, while pending, fresh upload URLs. Another owner's upload answers 404.",
        auth: 'owner',
        request: { params: UploadIdParams },
        responses: { 200: UploadResource },
        problems: ['UPLOAD_NOT_FOUND'],
        handler: async ({ params, principal }) =>
          resourceView(await app.get(params.uploadId, principal.ownerId)),
      }),
    ],
  };
};
