// UploadCompleted.v1 (ingest): the bytes are in storage and ingest checked they exist with the declared
// size. jobs turns it into a job.
import { z } from 'zod';
import {
  BucketNameSchema,
  ProfileNameSchema,
  Sha256Schema,
  SizeBytesSchema,
  StorageKeySchema,
  UploadIdSchema,
} from './shared/identifiers';

export const UploadCompletedV1Schema = z
  .object({
    uploadId: UploadIdSchema,
    key: StorageKeySchema,
    bucket: BucketNameSchema.optional(),
    /** As the user named it: for display and download names only, never a storage path. */
    filename: z
      .string()
      .min(1)
      .max(255)
      // Control characters are exactly what this excludes: they would break headers and logs.
      // eslint-disable-next-line no-control-regex
      .regex(/^[^/\\\x00-\x1f\x7f]+$/)
      .describe('Original file name, without any directory.'),
    /** Declared by the client; the probe, not this, decides what the file really is. */
    contentType: z
      .string()
      .max(255)
      .regex(/^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(?:\s*;.*)?$/)
      .describe('Declared MIME type, e.g. "video/mp4".'),
    size: SizeBytesSchema,
    /** Present when the client sent a checksum that storage verified. */
    sha256: Sha256Schema.optional(),
    profile: ProfileNameSchema,
  })
  .strict()
  .meta({ id: 'UploadCompleted.v1', description: 'An upload is complete and its object exists in storage.' });
export type UploadCompletedV1 = z.infer<typeof UploadCompletedV1Schema>;
