// The runner in AWS mode against the emulator: the input is read from the uploads bucket through a
// presigned GET (ffmpeg streams it, no download) and the outputs land in the outputs bucket.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { awsClientSettings } from '@mediaflow/config';
import { S3BlobStorage } from '@mediaflow/blob-storage/aws';
import { bucketKeyPrefixes, bucketNames } from '@mediaflow/topology';
import { generateClip } from '../../src/testing/clips';
import { runRunner } from '../support/run-runner';

describe(`runner entrypoint (AWS mode @ ${process.env.AWS_ENDPOINT_URL}, real ffmpeg)`, () => {
  const env = `r${randomUUID().slice(0, 8)}`;
  const s3 = new S3Client(awsClientSettings());
  const buckets = bucketNames(env);
  afterAll(() => s3.destroy());

  it('reads the upload through a presigned URL and writes outputs whose checksums match the manifest', async () => {
    for (const Bucket of Object.values(buckets)) await s3.send(new CreateBucketCommand({ Bucket }));
    const clip = await generateClip('landscape');
    await new S3BlobStorage({ client: s3, bucket: buckets.uploads, keyPrefix: bucketKeyPrefixes.uploads }).putFile('owner-1/up-1/source', clip.path, { contentType: 'video/mp4' });

    const spec = { jobId: 'job-aws', input: 'blob:owner-1/up-1/source', outputPrefix: 'owner-1/job-aws', profile: 'sd' };
    const { exitCode, messages, stderr } = await runRunner(spec, { MEDIAFLOW_MODE: 'aws', MEDIAFLOW_ENV: env });
    expect({ exitCode, stderr: exitCode === 0 ? '' : stderr }).toEqual({ exitCode: 0, stderr: '' });

    const finished = messages.find((m) => m.type === 'finished') as unknown as { manifest: Array<{ key: string; kind: string; sha256: string }> };
    const mp4 = finished.manifest.find((o) => o.kind === 'mp4');
    const object = await s3.send(new GetObjectCommand({ Bucket: buckets.outputs, Key: `${bucketKeyPrefixes.outputs}${mp4!.key}` }));
    const bytes = Buffer.from(await object.Body!.transformToByteArray());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(mp4!.sha256);
    expect(fs.existsSync(clip.path)).toBe(true);
  }, 120000);
});
