// The AWS composition root against the emulator: messaging provisioned from the jobs declaration,
// the event-store and read-model tables created from their definitions, an UploadCompleted put on
// EventBridge, and the job showing up in the DynamoDB read model through the SQS inbox.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { provisionMessaging } from '@mediaflow/aws-provisioning';
import { awsClientSettings, ConfigurationError } from '@mediaflow/config';
import { makeEnvelope } from '@mediaflow/contracts';
import { createEventStoreTable } from '@mediaflow/event-store/aws';
import { resourceNames } from '@mediaflow/topology';
import { createJobReadModelTable } from '../../src/adapters/aws/dynamodb-job-read-model-table';
import { createAwsService } from '../../src/main/aws';
import { jobsDeclaration } from '../../src/subscriptions';
import { JOB_ID, OWNER, uploadCompleted } from '../support/job-samples';

process.env.LOG_LEVEL ??= 'SILENT';

const until = async <T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> => {
  for (const started = Date.now(); Date.now() - started < ms; await new Promise((r) => setTimeout(r, 100))) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error('timed out waiting');
};

describe(`jobs AWS service [@ ${process.env.AWS_ENDPOINT_URL ?? 'AWS'}]`, () => {
  const settings = awsClientSettings();
  const env = `t${randomUUID().slice(0, 6)}`;
  const baseEnv = { ...process.env, MEDIAFLOW_ENV: env, LOG_LEVEL: 'SILENT', MEDIAFLOW_JOBS_RETRY_SCAN_MS: '50' };

  it('refuses to start without the public URL and signing secret output URLs need', async () => {
    await expect(createAwsService(baseEnv)).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('creates the job from an UploadCompleted delivered through EventBridge and SQS', async () => {
    const clients = { eventBridge: new EventBridgeClient(settings), sqs: new SQSClient(settings) };
    const dynamo = new DynamoDBClient(settings);
    const names = resourceNames('jobs', env);
    const { busName } = await provisionMessaging(clients, jobsDeclaration, env);
    await createEventStoreTable(dynamo, names.table);
    await createJobReadModelTable(dynamo, names.readModel);
    const instance = await createAwsService({ ...baseEnv, MEDIAFLOW_PUBLIC_URL: 'https://api.example.test', MEDIAFLOW_URL_SIGNING_SECRET: 's'.repeat(32) });
    await instance.start();
    try {
      const metadata = { eventId: randomUUID(), version: 1 as const, occurredAt: new Date().toISOString(), correlationId: 'c-aws', causationId: null, ownerId: OWNER };
      const envelope = makeEnvelope('UploadCompleted', uploadCompleted(), metadata);
      await clients.eventBridge.send(
        new PutEventsCommand({ Entries: [{ EventBusName: busName, Source: envelope.source, DetailType: envelope['detail-type'], Detail: JSON.stringify(envelope.detail) }] }),
      );
      const job = await until(() => instance.application.queries.get(OWNER, JOB_ID).catch(() => undefined));
      expect(job).toMatchObject({ jobId: JOB_ID, status: 'created', correlationId: 'c-aws' });
      expect(instance.routers.map((r) => r.service)).toEqual(['jobs']);
    } finally {
      await instance.stop();
      clients.eventBridge.destroy();
      clients.sqs.destroy();
      dynamo.destroy();
    }
  });
});
