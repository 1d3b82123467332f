// notifications in AWS mode against the emulator, through createAwsService, split as on ECS into an
// api task (HTTP only) and a worker task (consumer and dispatcher): the DynamoDB event store and table,
// EventBridge → SQS → handlers, a signed delivery to a receiver on 127.0.0.1, and the api's SSE stream
// fed from the recent-events log the worker writes.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { provisionMessaging } from '@mediaflow/aws-provisioning';
import { EventBridgePublisher } from '@mediaflow/bus/aws';
import { validateWithContracts } from '@mediaflow/bus';
import { awsClientSettings } from '@mediaflow/config';
import { makeEnvelope } from '@mediaflow/contracts';
import { createEventStoreTable } from '@mediaflow/event-store/aws';
import { createHttpApp, createTokenVerifier, issueDevelopmentToken, startHttpServer } from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';
import { busName, resourceNames } from '@mediaflow/topology';
import { createNotificationsTable } from '../../src/adapters/aws/notifications-table';
import { createAwsService } from '../../src/main/aws';
import { notificationsDeclaration } from '../../src/subscriptions';
import { api, eventually } from '../support/embedded-notifications';
import { verifyStandardWebhook } from '../../src/testing';
import { connectSse } from '../support/sse-client';
import { startReceiver } from '../support/webhook-receiver';

const secret = 'notifications-aws-test-secret-32-bytes-long';

describe(`notifications on AWS [${process.env.AWS_ENDPOINT_URL ?? 'AWS'}]`, () => {
  it('subscribes on the api, delivers a signed webhook from the worker, and streams the event from the api', async () => {
    const env = `nt${randomUUID().slice(0, 6)}`;
    const settings = awsClientSettings();
    const dynamo = new DynamoDBClient(settings);
    const eventBridge = new EventBridgeClient(settings);
    const sqs = new SQSClient(settings);
    const names = resourceNames('notifications', env);
    await createEventStoreTable(dynamo, names.table);
    await createNotificationsTable(dynamo, names.readModel);
    await provisionMessaging({ eventBridge, sqs }, notificationsDeclaration, env);

    const processEnv = { ...process.env, MEDIAFLOW_ENV: env, MEDIAFLOW_WEBHOOKS_ALLOW_HTTP_LOOPBACK: 'true', MEDIAFLOW_WEBHOOKS_POLL_MS: '50', MEDIAFLOW_SSE_TAIL_MS: '100', LOG_LEVEL: 'SILENT' };
    // As on ECS: the api task serves HTTP and never starts; the worker task consumes and delivers.
    const apiTask = await createAwsService(processEnv);
    const workerTask = await createAwsService(processEnv);
    const app = createHttpApp({ logger: createLogger('aws-test'), routers: [...apiTask.routers], auth: createTokenVerifier({ kind: 'hs256', secret, adminClaim: 'roles' }), openapi: false });
    const server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
    const receiver = await startReceiver();
    await workerTask.start();
    try {
      const asA = api(server.url, await issueDevelopmentToken({ secret, sub: 'owner-a', ttlSeconds: 600 }));
      const created = await asA('POST', '/v1/webhooks', { url: receiver.url, eventTypes: ['JobCancelled'] });
      expect(created.status).toBe(201);
      expect((await asA('GET', '/v1/webhooks')).body?.items).toHaveLength(1);

      const stream = await connectSse(`${server.url}/v1/events`, { authorization: `Bearer ${await issueDevelopmentToken({ secret, sub: 'owner-a', ttlSeconds: 600 })}` });
      const publisher = new EventBridgePublisher({ client: eventBridge, busName: busName(env), validate: validateWithContracts });
      const eventId = randomUUID();
      const metadata = { eventId, version: 1 as const, occurredAt: new Date().toISOString(), correlationId: eventId, causationId: null, ownerId: 'owner-a' };
      await publisher.publish([makeEnvelope('JobCancelled', { jobId: 'job_aws' }, metadata)]);

      const [request] = await receiver.waitFor(1, 20_000);
      expect(request?.headers['webhook-id']).toBe(eventId);
      expect(() => verifyStandardWebhook(created.body?.secret as string, request!.headers, request!.body)).not.toThrow();
      const id = created.body?.id as string;
      const log = await eventually(async () => {
        const items = (await asA('GET', `/v1/webhooks/${id}/deliveries`)).body?.items as { outcome: string }[];
        return items.length > 0 ? items : undefined;
      });
      expect(log[0]).toMatchObject({ outcome: 'delivered', eventId });
      // The stream, served by the api task, got the event the worker consumed, through the table.
      const [live] = await stream.waitForEvents(1, 10_000);
      expect(live).toMatchObject({ id: eventId, event: 'JobCancelled' });
      stream.close();
    } finally {
      await server.close();
      await apiTask.stop();
      await workerTask.stop();
      await receiver.close();
      [dynamo, eventBridge, sqs].forEach((c) => c.destroy());
    }
  }, 60_000);
});
