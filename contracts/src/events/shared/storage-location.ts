// Where an object is in blob storage: the key, and the bucket on AWS. The consumer's blob storage
// adapter turns it into a (presigned) URL, so no event carries a URL that could expire or leak.
import { z } from 'zod';
import { BucketNameSchema, StorageKeySchema } from './identifiers';

export const StorageLocationSchema = z
  .object({ key: StorageKeySchema, bucket: BucketNameSchema.optional() })
  .strict();
export type StorageLocation = z.infer<typeof StorageLocationSchema>;
