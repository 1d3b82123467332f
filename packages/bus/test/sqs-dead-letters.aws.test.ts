// The SQS dead-letter reader on what the redrive policy moves: a consumer that kept crashing leaves no
// error behind, so the reader says so and counts maxReceiveCount attempts. Reading is not consuming.
import { randomUUID } from 'node:crypto';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  deleteBus,
  deprovisionMessaging,
  provisionMessaging,
  type ProvisionedMessaging,
} from '@mediaflow/aws-provisioning';
import { awsClientSettings } from '@mediaflow/config';
import { declareService } from '@mediaflow/topology';
import { EventBridgePublisher } from '../src/adapters/aws/eventbridge-publisher';
import { SqsDeadLetters } from '../src/adapters/aws/sqs-dead-letters';
import { testEvent, validateTestEnvelope } from '../src/testing/ping-events';
import { waitFor } from '../src/testing/recorder';

const eventBridge = new EventBridgeClient(awsClientSettings());
const sqs = new SQSClient(awsClientSettings());
const env = `d-${randomUUID().slice(0, 8)}`;
const jobs = declareService({
  service: 'jobs',
  subscriptions: [{ from: 'ingest', event: 'Ping', versions: [1] }],
  maxAttempts: 2,
  visibilityTimeoutSeconds: 2,
});
let p: ProvisionedMessaging;

beforeAll(async () => {
  p = await provisionMessaging({ eventBridge, sqs }, jobs, env);
});

afterAll(async () => {
  await deprovisionMessaging({ eventBridge, sqs }, jobs, env);
  await deleteBus(eventBridge, env);
  eventBridge.destroy();
  sqs.destroy();
});

/** A consumer that receives and dies before deleting: only the receive count moves. */
const crashingReceive = async () =>
  (
    await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: p.queueUrl, WaitTimeSeconds: 1, VisibilityTimeout: 0 }),
    )
  ).Messages ?? [];

describe(`SqsDeadLetters @ ${process.env.AWS_ENDPOINT_URL}`, () => {
  it('lists a message the redrive policy moved, with its envelope and maxReceiveCount attempts, without consuming it', async () => {
    const event = testEvent('ingest', 'Ping', 1, { n: 7 });
    await new EventBridgePublisher({
      client: eventBridge,
      busName: p.busName,
      validate: validateTestEnvelope,
    }).publish([event]);
    const reader = new SqsDeadLetters({
      client: sqs,
      deadLetterQueueUrl: p.dlqUrl,
      validate: validateTestEnvelope,
      maxAttempts: jobs.maxAttempts,
    });

    await waitFor('two receives', async () => ((await crashingReceive()).length > 0 ? true : undefined));
    await waitFor('a second receive', async () => ((await crashingReceive()).length > 0 ? true : undefined));
    await crashingReceive(); // the third receive moves it

    const listed = await reader.list();
    expect(listed).toEqual([
      expect.objectContaining({
        envelope: event,
        attempts: 2,
        error: expect.objectContaining({ code: 'MAX_RECEIVE_COUNT_EXCEEDED' }),
      }),
    ]);
    expect(await reader.list()).toEqual(listed);
  });
});
