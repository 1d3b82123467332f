// UploadFailed.v1 (ingest): an upload ended without its bytes, for a reason the source is to blame for.
// Today only a URL ingest fails this way (SOURCE_UNREACHABLE, SOURCE_TOO_LARGE, SOURCE_ADDRESS_REFUSED,
// SOURCE_REDIRECT_REFUSED, SOURCE_HTTP_ERROR, SOURCE_TOO_MANY_REDIRECTS, SOURCE_NOT_MEDIA,
// SOURCE_FETCH_INTERRUPTED). No job exists for it.
import { z } from 'zod';
import { ErrorCodeSchema, ReasonSchema, UploadIdSchema } from './shared/identifiers';

export const UploadFailedV1Schema = z
  .object({
    uploadId: UploadIdSchema,
    /** Open set: consumers treat an unknown code as a failure all the same. */
    code: ErrorCodeSchema,
    reason: ReasonSchema,
  })
  .strict()
  .meta({ id: 'UploadFailed.v1', description: 'An upload failed before its bytes were stored (e.g. its source URL could not be fetched); no job is made for it.' });
export type UploadFailedV1 = z.infer<typeof UploadFailedV1Schema>;
