// The UploadStorage contract on S3 (moto by default, whatever AWS_ENDPOINT_URL names otherwise), and
// the S3-only promises: what the presigned PUT signs, and reading x-amz-meta-sha256 without a GET.
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { S3BlobStorage } from '@mediaflow/blob-storage/aws';
import { awsClientSettings } from '@mediaflow/config';
import { createPresigningS3Client } from '../../src/adapters/aws/presigning-s3-client';
import { S3UploadStorage } from '../../src/adapters/aws/s3-upload-storage';
import { describeUploadStorageContract } from '../../src/testing/upload-storage-contract';

const newBucket = async () => {
  const client = createPresigningS3Client(awsClientSettings());
  const bucket = `ingest-test-${randomUUID().slice(0, 13)}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return { client, bucket };
};

describeUploadStorageContract(`S3 @ ${process.env.AWS_ENDPOINT_URL}`, async () => {
  const { client, bucket } = await newBucket();
  return {
    storage: new S3UploadStorage({ client, bucket, keyPrefix: 'uploads/' }),
    dispose: async () => client.destroy(),
  };
});

describe('S3UploadStorage (S3 only)', () => {
  it('signs content type and length into the PUT URL, and the checksum as a header to send', async () => {
    const { client, bucket } = await newBucket();
    const storage = new S3UploadStorage({ client, bucket, keyPrefix: 'uploads/' });
    const sha = 'ab'.repeat(32);
    const signed = await storage.presignPut({
      key: 'o/up_1/source',
      size: 42,
      contentType: 'video/mp4',
      sha256: sha,
      expiresInSeconds: 900,
    });
    const url = new URL(signed.url);
    expect(url.pathname).toBe(`/${bucket}/uploads/o/up_1/source`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host', 'x-amz-checksum-sha256']),
    );
    expect(url.searchParams.get('x-amz-checksum-sha256')).toBeNull();
    expect([...url.searchParams.keys()].some((k) => /crc32/i.test(k))).toBe(false);
    expect(signed.headers).toEqual({
      'content-type': 'video/mp4',
      'x-amz-checksum-sha256': Buffer.from(sha, 'hex').toString('base64'),
    });
    client.destroy();
  });

  it('reads the SHA-256 the blob-storage adapter wrote as metadata', async () => {
    const { client, bucket } = await newBucket();
    const bytes = randomBytes(20 * 1024);
    await new S3BlobStorage({ client, bucket, keyPrefix: 'uploads/' }).put('o/up_2/source', bytes, {
      contentType: 'video/mp4',
    });
    const inspected = await new S3UploadStorage({ client, bucket, keyPrefix: 'uploads/' }).inspect(
      'o/up_2/source',
    );
    expect(inspected).toEqual({
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    client.destroy();
  });
});
