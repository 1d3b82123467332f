// The runner as an ECS task runs it: no parent process, AWS mode. It reads the upload from S3 and
// reports by appending its Transcode* events to processing's own DynamoDB table (the emulator's).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { S3BlobStorage } from '@mediaflow/blob-storage/aws';
import { awsClientSettings } from '@mediaflow/config';
import { createEventStoreTable, DynamoDbEventStore } from '@mediaflow/event-store/aws';
import { bucketKeyPrefixes, bucketNames, resourceNames } from '@mediaflow/topology';
import { generateClip } from '../../src/testing/clips';
import { dataOf, seed, typesOf } from '../support/processing-store';
import { JOB, probed, registered, dispatched } from '../support/transcode-events';

const runDetached = (spec: object, env: Record<string, string>): Promise<number | null> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', pathToFileURL(require.resolve('tsx')).href, path.join(__dirname, '../../src/main/runner.ts')],
      {
        env: { ...process.env, ...env, MEDIAFLOW_JOB_SPEC: JSON.stringify(spec), LOG_LEVEL: 'ERROR' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    child.on('error', reject);
    child.on('exit', resolve);
  });

describe(`runner reporting to the event store (AWS mode @ ${process.env.AWS_ENDPOINT_URL})`, () => {
  const env = `r${randomUUID().slice(0, 8)}`;
  const s3 = new S3Client(awsClientSettings());
  const dynamo = new DynamoDBClient(awsClientSettings());
  afterAll(() => {
    s3.destroy();
    dynamo.destroy();
  });

  it('appends TranscodeProgressed and TranscodeFinished to transcode-<jobId> itself', async () => {
    const buckets = bucketNames(env);
    for (const Bucket of Object.values(buckets)) await s3.send(new CreateBucketCommand({ Bucket }));
    const table = resourceNames('processing', env).table;
    await createEventStoreTable(dynamo, table);
    const store = new DynamoDbEventStore({ client: dynamo, tableName: table });
    await seed(store, JOB, [registered(), probed, dispatched(1, 'ecs-task-1')]);
    const clip = await generateClip('no-audio');
    const key = 'owner-1/up_01TEST/source';
    await new S3BlobStorage({
      client: s3,
      bucket: buckets.uploads,
      keyPrefix: bucketKeyPrefixes.uploads,
    }).putFile(key, clip.path, { contentType: 'video/mp4' });

    const spec = {
      jobId: JOB,
      attempt: 1,
      input: `blob:${key}`,
      outputPrefix: `owner-1/${JOB}`,
      profile: 'sd',
      context: { ownerId: 'owner-1', correlationId: 'corr-ecs' },
    };
    expect(await runDetached(spec, { MEDIAFLOW_MODE: 'aws', MEDIAFLOW_ENV: env })).toBe(0);

    const types = await typesOf(store, JOB);
    // Dispatched by the service; the task itself records that it began (TranscodeStarted), then its work.
    expect(types.slice(0, 4)).toEqual([
      'TranscodeRegistered',
      'MediaProbed',
      'TranscodeAttemptDispatched',
      'TranscodeStarted',
    ]);
    expect(types).toContain('TranscodeProgressed');
    expect(types.at(-1)).toBe('TranscodeFinished');
    const [done] = (await dataOf(store, JOB, 'TranscodeFinished')) as {
      manifest: { outputs: { kind: string }[] };
      transcodeSeconds?: number;
    }[];
    expect(done!.transcodeSeconds).toBeGreaterThan(0);
    expect(done!.manifest.outputs.map((o) => o.kind)).toEqual(expect.arrayContaining(['hls-master', 'mp4']));
    const events = await store.read(`transcode-${JOB}`);
    expect(events.at(-1)?.metadata).toMatchObject({ ownerId: 'owner-1', correlationId: 'corr-ecs' });
  }, 120_000);
});
