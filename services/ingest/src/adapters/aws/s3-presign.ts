// Presigned S3 requests the client sends itself. The client our SDK builds for presigning computes
// no checksum of its own (an SDK default that would sign the CRC32 of an empty body into the URL);
// content type and length are signed headers, so S3 refuses other bytes than the ones declared.
import { PutObjectCommand, UploadPartCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

interface PresignedS3Put {
  readonly url: string;
  readonly headers: Record<string, string>;
}

export const presignS3Put = async (
  client: S3Client,
  request: {
    bucket: string;
    objectKey: string;
    size: number;
    contentType: string;
    sha256Base64?: string;
    expiresIn: number;
  },
): Promise<PresignedS3Put> => {
  const command = new PutObjectCommand({
    Bucket: request.bucket,
    Key: request.objectKey,
    ContentType: request.contentType,
    ContentLength: request.size,
    ...(request.sha256Base64 !== undefined && { ChecksumSHA256: request.sha256Base64 }),
  });
  const url = await getSignedUrl(client, command, {
    expiresIn: request.expiresIn,
    signableHeaders: new Set(['content-type', 'content-length']),
    // A header, not a query parameter: S3 checks the body against it (BadDigest otherwise).
    unhoistableHeaders: new Set(request.sha256Base64 !== undefined ? ['x-amz-checksum-sha256'] : []),
  });
  const headers: Record<string, string> = { 'content-type': request.contentType };
  if (request.sha256Base64 !== undefined) headers['x-amz-checksum-sha256'] = request.sha256Base64;
  return { url, headers };
};

export const presignS3Part = (
  client: S3Client,
  request: { bucket: string; objectKey: string; uploadId: string; partNumber: number; expiresIn: number },
): Promise<string> =>
  getSignedUrl(
    client,
    new UploadPartCommand({
      Bucket: request.bucket,
      Key: request.objectKey,
      UploadId: request.uploadId,
      PartNumber: request.partNumber,
    }),
    {
      expiresIn: request.expiresIn,
    },
  );
