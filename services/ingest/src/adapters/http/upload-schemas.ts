// The HTTP shapes of the uploads API, validated at the edge and documented in /openapi.json.
import { z } from 'zod';
// The pattern alone (no node:net, node:dns): these schemas reach the browser through @mediaflow/api-types.
import { outboundUrlPattern } from '@mediaflow/address-guard/url-pattern';
import { FILENAME_PATTERN, filenameLength, MAX_FILENAME_LENGTH } from '../../domain/filename';
import { MAX_SOURCE_URL_LENGTH } from '../../domain/source-url-length';
import { allowedContentTypePattern, type UploadPolicy } from '../../domain/upload-policy';

export const UploadIdParams = z.object({
  uploadId: z.string().min(1).max(64).describe('Upload id, e.g. up_01J...'),
});

/**
 * Built from the configured policy (the document is built at start from the same settings), so the
 * allow-list of content types, the size limit and the profiles are in the schema, not only in refusals.
 */
// What checkSourceUrl accepts, as a pattern: http(s) to a public DNS name or, where the loopback is
// allowed (embedded), to the loopback (the shared pattern of @mediaflow/address-guard, as webhooks).
export const sourceUrlPattern = (allowLoopback: boolean): RegExp =>
  outboundUrlPattern({ publicSchemes: 'http-or-https', allowLoopback });

const PUT_FIELDS = ['filename', 'contentType', 'size'] as const;

/**
 * Built from the configured policy (the document is built at start from the same settings), so the
 * allow-list of content types, the size limit and the profiles are in the schema, not only in refusals.
 * Two kinds of request share the route: a client upload (filename, contentType, size) or a URL ingest
 * (sourceUrl; filename and contentType optional, size and sha256 not allowed). `oneOf` documents it.
 */
export const createUploadBody = (policy: UploadPolicy, allowLoopbackSources: boolean) =>
  z
    .object({
      sourceUrl: z
        .string()
        .max(MAX_SOURCE_URL_LENGTH)
        .regex(sourceUrlPattern(allowLoopbackSources))
        .optional()
        .describe(
          'URL ingest: the service fetches the file from this http(s) URL itself (redirects followed, each checked; internal addresses refused). Omit size and sha256; filename defaults to the URL\'s last path segment.',
        ),
      filename: z
        .string()
        .min(1)
        .regex(FILENAME_PATTERN)
        .refine((raw) => filenameLength(raw) <= MAX_FILENAME_LENGTH, `at most ${MAX_FILENAME_LENGTH} characters`)
        .meta({ maxLength: MAX_FILENAME_LENGTH })
        .optional()
        .describe(
          'Original file name; kept as metadata only (directory parts are dropped). No control or bidi characters; the last part must not be blank, "." or "..". Required without sourceUrl.',
        ),
      contentType: z
        .string()
        .min(3)
        .max(255)
        .regex(allowedContentTypePattern(policy))
        .optional()
        .describe(`MIME type the bytes will be sent with, one of: ${policy.allowedContentTypes.join(', ')} (any case; parameters after ";" are ignored). Required without sourceUrl.`),
      size: z.number().int().min(1).max(policy.maxSizeBytes).optional().describe('Exact size in bytes. Required without sourceUrl, refused with it.'),
      sha256: z
        .string()
        .regex(/^[A-Fa-f0-9]{64}$/)
        .optional()
        .describe('Hex SHA-256 of the bytes; completion then verifies it.'),
      profile: z
        .enum(policy.profiles as [string, ...string[]])
        .optional()
        .describe(`Processing profile (default "${policy.defaultProfile}").`),
    })
    .superRefine((body, ctx) => {
      if (body.sourceUrl !== undefined) {
        for (const field of ['size', 'sha256'] as const)
          if (body[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: `not allowed with sourceUrl` });
        return;
      }
      for (const field of PUT_FIELDS)
        if (body[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'required (or give sourceUrl)' });
    })
    .meta({
      id: 'CreateUploadRequest',
      oneOf: [
        { required: [...PUT_FIELDS], not: { required: ['sourceUrl'] } },
        { required: ['sourceUrl'], not: { anyOf: [{ required: ['size'] }, { required: ['sha256'] }] } },
      ],
    } as { id: string });

const PartUrl = z.object({ partNumber: z.number().int(), url: z.string() }).meta({ id: 'UploadPartUrl' });

/** How to send the bytes: one PUT (url + headers) or one PUT per part (parts, partSize). */
const TransferFields = {
  url: z.string().optional().describe('single: PUT the whole body here.'),
  headers: z
    .record(z.string(), z.string())
    .optional()
    .describe('single: headers to send with the PUT (they are signed).'),
  parts: z
    .array(PartUrl)
    .optional()
    .describe('multipart: PUT each part to its URL; keep the ETag of each answer.'),
  partSize: z.number().int().optional().describe('multipart: every part but the last has exactly this size.'),
  partCount: z.number().int().optional(),
  urlExpiresAt: z
    .string()
    .optional()
    .describe('When these URLs stop working (GET the upload for fresh ones).'),
};

export const UploadTicket = z
  .object({
    uploadId: z.string(),
    method: z.enum(['single', 'multipart']),
    ...TransferFields,
    expiresAt: z.string().describe('Complete before this, or the upload expires and its bytes are deleted.'),
    completeUrl: z.string(),
    abortUrl: z.string(),
  })
  .meta({ id: 'UploadTicket' });

export const CompleteUploadBody = z
  .object({
    parts: z
      .array(z.object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(256) }))
      .min(1)
      .max(10_000)
      .optional()
      .describe('multipart: every part with the ETag its PUT returned; omitted means every stored part.'),
    sha256: z
      .string()
      .regex(/^[A-Fa-f0-9]{64}$/)
      .optional()
      .describe(
        'Hex SHA-256 of the bytes, for a client that hashed while sending: verified like one declared at creation. Given both ways, they must be equal (409 UPLOAD_CHECKSUM_CONFLICT).',
      ),
  })
  .optional()
  .meta({ id: 'CompleteUploadRequest' });

export const CompletedUpload = z
  .object({
    uploadId: z.string(),
    status: z.literal('completed'),
    jobId: z.string().describe('The job processing this upload.'),
  })
  .meta({ id: 'CompletedUpload' });

const Status = z
  .enum(['fetching', 'pending', 'completed', 'expired', 'aborted', 'failed'])
  .describe('fetching and failed only for a URL ingest.');

export const AbortedUpload = z.object({ uploadId: z.string(), status: Status }).meta({ id: 'AbortedUpload' });

export const UploadResource = z
  .object({
    uploadId: z.string(),
    status: Status,
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string().optional(),
    profile: z.string(),
    method: z.enum(['single', 'multipart', 'url']),
    sourceUrl: z.string().optional().describe('URL ingest: where the file is fetched from.'),
    fetch: z
      .object({ receivedBytes: z.number().int(), totalBytes: z.number().int().optional().describe('When the source declared its length.') })
      .optional()
      .describe('While fetching: bytes received so far.'),
    failure: z
      .object({
        code: z.enum(['SOURCE_UNREACHABLE', 'SOURCE_TOO_LARGE', 'SOURCE_ADDRESS_LOOPBACK', 'SOURCE_ADDRESS_INTERNAL', 'SOURCE_ADDRESS_REFUSED', 'SOURCE_REDIRECT_REFUSED', 'SOURCE_HTTP_ERROR', 'SOURCE_TOO_MANY_REDIRECTS', 'SOURCE_NOT_MEDIA', 'SOURCE_FETCH_INTERRUPTED']),
        reason: z.string(),
      })
      .optional()
      .describe('When failed: why the fetch did not finish.'),
    createdAt: z.string(),
    updatedAt: z.string(),
    expiresAt: z.string(),
    jobId: z.string().optional(),
    upload: z.object(TransferFields).optional().describe('While pending: fresh URLs to (re)send the bytes.'),
  })
  .meta({ id: 'Upload' });
