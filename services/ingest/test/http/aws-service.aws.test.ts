// The AWS composition root against the emulator: DynamoDB store and read table, S3 buckets and the
// bus created as the stacks would, then one upload through a presigned S3 PUT, completed over HTTP,
// with UploadCompleted arriving in a subscriber's SQS inbox through the outbox relay and EventBridge;
// and a signed prefix URL redirected to a presigned S3 GET by the /blobs endpoint. URL ingest runs on the
// same adapters (the fetched stream into S3, the stream in DynamoDB, UploadCompleted/UploadFailed via
// EventBridge); its source is a local server, so this instance allows the loopback (AWS refuses it by
// default: that refusal is tested in uploads-from-url.test.ts and the fetcher's own test).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { provisionMessaging } from '@mediaflow/aws-provisioning';
import { BlobUrlSigner } from '@mediaflow/blob-http';
import { awsClientSettings } from '@mediaflow/config';
import { createEventStoreTable } from '@mediaflow/event-store/aws';
import {
  createHttpApp,
  createTokenVerifier,
  issueDevelopmentToken,
  startHttpServer,
  type HttpServerHandle,
} from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';
import type { ServiceInstance } from '@mediaflow/runtime';
import { bucketNames, declareService, resourceNames } from '@mediaflow/topology';
import { createPresigningS3Client } from '../../src/adapters/aws/presigning-s3-client';
import { createUploadDeadlinesTable } from '../../src/adapters/aws/dynamodb-upload-deadlines';
import { createAwsService } from '../../src/main/aws';
import type { LooseJson } from '../support/ingest-service';
import { startSourceServer, type SourceServer } from '../support/source-server';

process.env.LOG_LEVEL ??= 'WARN';
const JWT = 'aws-test-jwt-secret-0123456789abcdefghij';
const URLS = 'aws-test-url-secret-0123456789abcdefghij';
const env = `t${randomUUID().slice(0, 6)}`;
const settings = awsClientSettings();
const subscriber = declareService({
  service: 'jobs',
  subscriptions: [
    { from: 'ingest', event: 'UploadCompleted', versions: [1] },
    { from: 'ingest', event: 'UploadFailed', versions: [1] },
  ],
  maxAttempts: 3,
  visibilityTimeoutSeconds: 30,
});

let instance: ServiceInstance;
let server: HttpServerHandle;
let inbox: string;
let source: SourceServer;
const sourceBytes = randomBytes(300 * 1024);
const sqs = new SQSClient(settings);

beforeAll(async () => {
  const dynamo = new DynamoDBClient(settings);
  const s3 = createPresigningS3Client(awsClientSettings());
  const eventBridge = new EventBridgeClient(settings);
  ({ queueUrl: inbox } = await provisionMessaging({ eventBridge, sqs }, subscriber, env));
  await createEventStoreTable(dynamo, resourceNames('ingest', env).table);
  await createUploadDeadlinesTable(dynamo, resourceNames('ingest', env).readModel);
  for (const bucket of Object.values(bucketNames(env)))
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  [dynamo, s3, eventBridge].forEach((c) => c.destroy());
  instance = await createAwsService({
    ...process.env,
    MEDIAFLOW_ENV: env,
    MEDIAFLOW_RELAY_INTERVAL_MS: '50',
    MEDIAFLOW_URL_SIGNING_SECRET: URLS,
    MEDIAFLOW_UPLOAD_URL_ALLOW_LOOPBACK: 'true',
  });
  source = await startSourceServer(sourceBytes);
  const app = createHttpApp({
    logger: createLogger('ingest-aws-test'),
    routers: [...instance.routers],
    auth: createTokenVerifier({ kind: 'hs256', secret: JWT, adminClaim: 'roles' }),
    openapi: false,
  });
  server = await startHttpServer(app, { port: 0, host: '127.0.0.1', shutdownGraceMs: 500 });
  await instance.start();
}, 60_000);

afterAll(async () => {
  await source?.close();
  await instance?.stop();
  await server?.close();
  sqs.destroy();
});

const api = async (method: string, path: string, body?: unknown) => {
  const token = await issueDevelopmentToken({ secret: JWT, sub: 'carol', ttlSeconds: 300 });
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as LooseJson };
};

/** The first ingest event about `uploadId` in the inbox: UploadCompleted, or UploadFailed for a failed URL ingest. */
const receiveUploadCompleted = async (uploadId: string): Promise<LooseJson> => {
  for (const started = Date.now(); Date.now() - started < 20_000;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: inbox, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }),
    );
    for (const m of Messages) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: inbox, ReceiptHandle: m.ReceiptHandle }));
      const envelope = JSON.parse(m.Body ?? '{}') as LooseJson;
      if (envelope.detail?.data?.uploadId === uploadId) return envelope;
    }
  }
  throw new Error('no UploadCompleted (or UploadFailed) for it reached the inbox');
};

it('uploads through a presigned S3 PUT, completes, and publishes UploadCompleted to EventBridge', async () => {
  const bytes = randomBytes(4096);
  const created = await api('POST', '/v1/uploads', {
    filename: 'aws.mp4',
    contentType: 'video/mp4',
    size: bytes.length,
  });
  expect(created.status).toBe(201);
  const put = await fetch(created.json.url, { method: 'PUT', headers: created.json.headers, body: bytes });
  expect(put.status).toBe(200);
  const done = await api('POST', created.json.completeUrl);
  expect(done.json).toMatchObject({ status: 'completed' });
  const envelope = await receiveUploadCompleted(created.json.uploadId);
  expect(envelope).toMatchObject({
    source: 'mediaflow.ingest',
    'detail-type': 'UploadCompleted',
    detail: { data: { key: `carol/${created.json.uploadId}/source`, size: 4096 } },
  });
}, 60_000);

it('verifies a SHA-256 given at completion against the S3 object: another answers 422, the right one 200', async () => {
  const bytes = randomBytes(2048);
  const created = await api('POST', '/v1/uploads', {
    filename: 'c.mp4',
    contentType: 'video/mp4',
    size: bytes.length,
  });
  await fetch(created.json.url, { method: 'PUT', headers: created.json.headers, body: bytes });
  const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const wrong = await api('POST', created.json.completeUrl, { sha256: digest(randomBytes(8)) });
  expect({ status: wrong.status, code: wrong.json.code }).toEqual({
    status: 422,
    code: 'UPLOAD_CHECKSUM_MISMATCH',
  });
  const done = await api('POST', created.json.completeUrl, { sha256: digest(bytes) });
  expect(done.json).toMatchObject({ status: 'completed' });
  const envelope = await receiveUploadCompleted(created.json.uploadId);
  expect(envelope).toMatchObject({ detail: { data: { sha256: digest(bytes) } } });
}, 60_000);

it('redirects a signed prefix URL to a presigned S3 GET that serves the bytes', async () => {
  const bytes = randomBytes(1000);
  const created = await api('POST', '/v1/uploads', {
    filename: 'b.mp4',
    contentType: 'video/mp4',
    size: bytes.length,
  });
  await fetch(created.json.url, { method: 'PUT', headers: created.json.headers, body: bytes });
  const base = new BlobUrlSigner({ secret: URLS, baseUrl: server.url }).signPrefix(
    'uploads',
    `carol/${created.json.uploadId}`,
    300,
  );
  const redirect = await fetch(`${base}source`, { redirect: 'manual' });
  expect(redirect.status).toBe(302);
  const followed = await fetch(redirect.headers.get('location') ?? '');
  expect(Buffer.from(await followed.arrayBuffer())).toEqual(bytes);
});

it('ingests from a URL into S3 and publishes UploadCompleted; a 404 source publishes UploadFailed', async () => {
  const created = await api('POST', '/v1/uploads', { sourceUrl: `${source.url}/redirect?to=/clip.mp4`, filename: 'remote.mp4' });
  expect(created.status).toBe(202);
  const envelope = await receiveUploadCompleted(created.json.uploadId);
  expect(envelope).toMatchObject({
    'detail-type': 'UploadCompleted',
    detail: { data: { key: `carol/${created.json.uploadId}/source`, size: sourceBytes.length, sha256: createHash('sha256').update(sourceBytes).digest('hex') } },
  });
  expect((await api('GET', `/v1/uploads/${created.json.uploadId}`)).json).toMatchObject({ status: 'completed', method: 'url' });

  const missing = await api('POST', '/v1/uploads', { sourceUrl: `${source.url}/missing` });
  expect(await receiveUploadCompleted(missing.json.uploadId)).toMatchObject({
    'detail-type': 'UploadFailed',
    detail: { data: { uploadId: missing.json.uploadId, code: 'SOURCE_HTTP_ERROR' } },
  });
}, 60_000);
