// Every part S3 holds for a multipart upload, across ListParts pages (1,000 per page).
import { ListPartsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { StoredPart } from '../../domain/multipart-parts';

export const listS3Parts = async (
  client: S3Client,
  bucket: string,
  objectKey: string,
  uploadId: string,
): Promise<StoredPart[]> => {
  const parts: StoredPart[] = [];
  let PartNumberMarker: string | undefined;
  do {
    const page = await client.send(
      new ListPartsCommand({ Bucket: bucket, Key: objectKey, UploadId: uploadId, PartNumberMarker }),
    );
    for (const p of page.Parts ?? []) {
      parts.push({
        partNumber: p.PartNumber ?? 0,
        etag: (p.ETag ?? '').replace(/^"|"$/g, ''),
        size: p.Size ?? 0,
      });
    }
    PartNumberMarker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
  } while (PartNumberMarker);
  return parts.sort((a, b) => a.partNumber - b.partNumber);
};
