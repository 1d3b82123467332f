// PutEvents partial failures on the emulator: a proxy in front of moto refuses chosen entries
// (`FailedEntryCount` > 0, per-entry ErrorCode, the entry not published), as EventBridge does under
// throttling. The publisher must resend exactly the refused entries, and every event must reach the
// subscriber's queue once — nothing lost, nothing duplicated by a resend of accepted entries.
import { randomUUID } from 'node:crypto';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { deleteBus, deprovisionMessaging, ensureBus, provisionMessaging } from '@mediaflow/aws-provisioning';
import { awsClientSettings } from '@mediaflow/config';
import { EventBridgePublisher } from '../src/adapters/aws/eventbridge-publisher';
import { SqsEventConsumer } from '../src/adapters/aws/sqs-event-consumer';
import { PublishFailed } from '../src/errors/publish-failed';
import { declarations } from '../src/testing/bus-contract';
import { eventIdOf, testEvent, validateTestEnvelope } from '../src/testing/ping-events';
import { pause, recorder, waitFor } from '../src/testing/recorder';
import { startPutEventsProxy, type PutEventsProxy } from './fixtures/put-events-proxy';

const nOf = (entry: { Detail?: string }): number =>
  (JSON.parse(entry.Detail ?? '{}') as { data: { n: number } }).data.n;

describe(`EventBridgePublisher partial failures [moto @ ${process.env.AWS_ENDPOINT_URL} behind a refusing proxy]`, () => {
  const env = `t-${randomUUID().slice(0, 8)}`;
  const eventBridge = new EventBridgeClient(awsClientSettings());
  const sqs = new SQSClient(awsClientSettings());
  const declaration = declarations.jobs;
  let busName: string;
  let consumer: SqsEventConsumer;
  const received = recorder();
  let proxy: PutEventsProxy | undefined;

  beforeAll(async () => {
    ({ busName } = await ensureBus(eventBridge, env));
    const { queueUrl, dlqUrl } = await provisionMessaging({ eventBridge, sqs }, declaration, env);
    consumer = new SqsEventConsumer({
      client: sqs,
      queueUrl,
      deadLetterQueueUrl: dlqUrl,
      declaration,
      validate: validateTestEnvelope,
      waitTimeSeconds: 1,
      retryDelay: () => 0,
      stopTimeoutMs: 300,
    });
    await consumer.start(received.handler);
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });
  afterAll(async () => {
    await consumer.stop();
    await deprovisionMessaging({ eventBridge, sqs }, declaration, env);
    await deleteBus(eventBridge, env);
    eventBridge.destroy();
    sqs.destroy();
  });

  const publisherThrough = (p: PutEventsProxy, maxAttempts = 4) =>
    new EventBridgePublisher({
      client: new EventBridgeClient(awsClientSettings({ ...process.env, AWS_ENDPOINT_URL: p.endpoint })),
      busName,
      validate: validateTestEnvelope,
      maxAttempts,
      retryDelay: () => 1,
    });

  it('sends 25 events in 3 batches (10, 10, 5), resends only the refused entries, and each event arrives once', async () => {
    // n=3 (first batch) is refused twice, n=17 (second batch) once.
    proxy = await startPutEventsProxy({
      upstream: process.env.AWS_ENDPOINT_URL!,
      refuse: (entry, seenBefore) =>
        (nOf(entry) === 3 && seenBefore < 2) || (nOf(entry) === 17 && seenBefore < 1),
    });
    const events = Array.from({ length: 25 }, (_, n) => testEvent('ingest', 'Ping', 1, { n }));
    const before = received.deliveries.length;

    await publisherThrough(proxy).publish(events);

    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    expect(proxy.requests.map((r) => r.map(nOf))).toEqual([
      range(0, 10),
      [3],
      [3],
      range(10, 20),
      [17],
      range(20, 25),
    ]);
    await waitFor('25 deliveries', () => received.deliveries.length - before >= 25);
    await pause(1500); // a duplicate would arrive within this
    const ids = received.eventIds().slice(before);
    expect(ids).toHaveLength(25);
    expect(new Set(ids)).toEqual(new Set(events.map(eventIdOf)));
  });

  it('gives up on an entry refused on every attempt, names it in PublishFailed, and publishes the others', async () => {
    proxy = await startPutEventsProxy({
      upstream: process.env.AWS_ENDPOINT_URL!,
      refuse: (entry) => nOf(entry) === 1,
    });
    const events = [0, 1, 2].map((n) => testEvent('ingest', 'Ping', 1, { n }));
    const before = received.deliveries.length;

    const failure = await publisherThrough(proxy, 3)
      .publish(events)
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(PublishFailed);
    expect(failure).toMatchObject({
      failed: [{ eventId: eventIdOf(events[1]!), code: 'ThrottlingException' }],
      attempts: 3,
    });
    expect(proxy.requests.map((r) => r.map(nOf))).toEqual([[0, 1, 2], [1], [1]]);
    await waitFor('2 deliveries', () => received.deliveries.length - before >= 2);
    await pause(1500);
    expect(new Set(received.eventIds().slice(before))).toEqual(
      new Set([eventIdOf(events[0]!), eventIdOf(events[2]!)]),
    );
  });

  it('does not resend an entry refused for a reason a retry cannot fix', async () => {
    proxy = await startPutEventsProxy({
      upstream: process.env.AWS_ENDPOINT_URL!,
      refuse: (entry) => nOf(entry) === 0,
      errorCode: 'MalformedDetail',
    });

    await expect(
      publisherThrough(proxy).publish([0, 1].map((n) => testEvent('ingest', 'Ping', 1, { n }))),
    ).rejects.toMatchObject({ failed: [{ code: 'MalformedDetail' }] });
    expect(proxy.requests.map((r) => r.map(nOf))).toEqual([[0, 1]]);
  });
});
