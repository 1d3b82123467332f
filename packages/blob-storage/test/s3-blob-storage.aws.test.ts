// S3BlobStorage against the emulator over HTTP (moto by default, whatever AWS_ENDPOINT_URL names
// otherwise): the shared contract, then the S3-only promises (multipart for large files, key prefix).
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsClientSettings } from '@mediaflow/config';
import { S3BlobStorage, createS3Client } from '../src/aws';
import { describeBlobStorageContract } from '../src/testing/blob-storage-contract';

const MiB = 1024 * 1024;
const newBucket = async (client: S3Client): Promise<string> => {
  const bucket = `blob-test-${randomUUID().slice(0, 13)}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
};

/** A proxy in front of the emulator that answers the first PUT with S3's 503 SlowDown, as S3 does under load. */
const startSlowDownOnce = async (
  upstream: string,
): Promise<{ endpoint: string; puts: number[]; server: Server }> => {
  const target = new URL(upstream);
  const puts: number[] = [];
  const server = createServer((req, res) => {
    if (req.method === 'PUT') puts.push(puts.length === 0 ? 503 : 200);
    if (req.method === 'PUT' && puts.length === 1) {
      req.resume();
      req.on('end', () => {
        res.writeHead(503, { 'content-type': 'application/xml' });
        res.end('<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>');
      });
      return;
    }
    const out = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.rawHeaders);
        upstreamRes.pipe(res);
      },
    );
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, puts, server };
};

describeBlobStorageContract(`S3 @ ${process.env.AWS_ENDPOINT_URL}`, async () => {
  const client = createS3Client(awsClientSettings());
  const bucket = await newBucket(client);
  return {
    // A small page size makes the 130-key listing cross pages without writing thousands of objects.
    storage: new S3BlobStorage({ client, bucket, partSize: 5 * MiB, listPageSize: 50 }),
    dispose: async () => client.destroy(),
  };
});

describe(`S3BlobStorage [${process.env.AWS_ENDPOINT_URL}]`, () => {
  const client = createS3Client(awsClientSettings());
  let bucket: string;
  beforeAll(async () => {
    bucket = await newBucket(client);
  });
  afterAll(() => client.destroy());

  it('uploads a file of three parts as a multipart object and a small one in a single request', async () => {
    const storage = new S3BlobStorage({ client, bucket, partSize: 5 * MiB, queueSize: 2 });
    const dir = await mkdtemp(join(tmpdir(), 'blob-s3-'));
    try {
      await writeFile(join(dir, 'big'), randomBytes(11 * MiB));
      const big = await storage.putFile('parts/big', join(dir, 'big'), { contentType: 'video/mp4' });
      expect(big.etag).toMatch(/-3$/);
      const small = await storage.put('parts/small', Buffer.from('tiny'), { contentType: 'text/plain' });
      expect(small.etag).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('retries a single-request file upload that S3 throttles (a file below the multipart threshold is sent as bytes the SDK can resend)', async () => {
    const proxy = await startSlowDownOnce(awsClientSettings().endpoint!);
    const throttled = createS3Client({ ...awsClientSettings(), endpoint: proxy.endpoint });
    const dir = await mkdtemp(join(tmpdir(), 'blob-s3-'));
    try {
      const bytes = randomBytes(64 * 1024);
      await writeFile(join(dir, 'small'), bytes);
      const storage = new S3BlobStorage({ client: throttled, bucket });
      const put = await storage.putFile('retried/small', join(dir, 'small'), { contentType: 'video/mp4' });
      expect(proxy.puts).toEqual([503, 200]);
      const stored = await new S3BlobStorage({ client, bucket }).head('retried/small');
      expect({ size: stored?.size, sha256: stored?.sha256 }).toEqual({
        size: bytes.length,
        sha256: put.sha256,
      });
    } finally {
      throttled.destroy();
      proxy.server.closeAllConnections();
      proxy.server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('signs GET URLs for exactly the lifetime asked (moto serves expired ones, so the contract cannot see it)', async () => {
    const storage = new S3BlobStorage({ client, bucket });
    const url = new URL(await storage.presignGet('any/key.mp4', 900));
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.pathname).toMatch(/\/any\/key\.mp4$/);
  });

  it('keeps every key under its key prefix, and reports keys without it', async () => {
    const storage = new S3BlobStorage({ client, bucket, keyPrefix: 'tenant-a/' });
    await storage.put('x/1', Buffer.from('1'), { contentType: 'text/plain' });
    expect(storage.uri('x/1')).toBe(`s3://${bucket}/tenant-a/x/1`);
    expect((await storage.list('x/')).map((b) => b.key)).toEqual(['x/1']);
    expect((await new S3BlobStorage({ client, bucket }).head('tenant-a/x/1'))?.size).toBe(1);
  });
});
