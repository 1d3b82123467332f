// provisionMessaging against the emulator (moto by default): idempotent, converging, and the wiring
// really works end to end: PutEvents on the custom bus → rule → inbox, and redrive to the DLQ.
import { randomUUID } from 'node:crypto';
import {
  EventBridgeClient,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
} from '@aws-sdk/client-eventbridge';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClientSettings } from '@mediaflow/config';
import { declareService, eventPatternOf, resourceNames, type ServiceDeclaration } from '@mediaflow/topology';
import { deleteBus, deprovisionMessaging, provisionMessaging } from '../src';

const eventBridge = new EventBridgeClient(awsClientSettings());
const sqs = new SQSClient(awsClientSettings());
const clients = { eventBridge, sqs };
const env = `p-${randomUUID().slice(0, 8)}`;

const jobs = declareService({
  service: 'jobs',
  subscriptions: [
    { from: 'ingest', event: 'UploadCompleted', versions: [1] },
    { from: 'processing', event: 'MediaProbed', versions: [1, 2] },
  ],
  maxAttempts: 2,
  visibilityTimeoutSeconds: 5,
});

const attributesOf = async (QueueUrl: string) =>
  (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))).Attributes ?? {};

const receive = async (QueueUrl: string, VisibilityTimeout = 0) =>
  (
    await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl,
        WaitTimeSeconds: 1,
        VisibilityTimeout,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
    )
  ).Messages ?? [];

const putEvent = async (busName: string, source: string, detailType: string, version: number) => {
  const out = await eventBridge.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: busName,
          Source: source,
          DetailType: detailType,
          Detail: JSON.stringify({ metadata: { version }, data: { n: 1 } }),
        },
      ],
    }),
  );
  expect(out.FailedEntryCount ?? 0).toBe(0);
};

afterAll(async () => {
  await deprovisionMessaging(clients, jobs, env);
  await deleteBus(eventBridge, env);
  eventBridge.destroy();
  sqs.destroy();
});

describe(`provisionMessaging @ ${process.env.AWS_ENDPOINT_URL}`, () => {
  it('creates the bus, the inbox with its redrive policy, the DLQ, the queue policy and one rule per subscription', async () => {
    const p = await provisionMessaging(clients, jobs, env);
    const names = resourceNames('jobs', env);

    expect(p.busName).toBe(`mediaflow-${env}`);
    expect(p.queueUrl).toContain(names.queue);
    expect(p.dlqUrl).toContain(names.deadLetterQueue);
    const inbox = await attributesOf(p.queueUrl);
    expect(inbox.VisibilityTimeout).toBe('5');
    expect(JSON.parse(inbox.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: p.dlqArn,
      maxReceiveCount: 2,
    });
    const statement = JSON.parse(inbox.Policy ?? '{}').Statement[0];
    expect(statement).toMatchObject({
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: p.queueArn,
    });
    expect(statement.Condition.ArnEquals['aws:SourceArn']).toEqual(p.ruleArns);

    const rules = (await eventBridge.send(new ListRulesCommand({ EventBusName: p.busName }))).Rules ?? [];
    expect(rules.map((r) => r.Name).sort()).toEqual([names.rule(0), names.rule(1)]);
    expect(rules.map((r) => JSON.parse(r.EventPattern ?? '{}'))).toEqual(
      expect.arrayContaining(jobs.subscriptions.map(eventPatternOf)),
    );
    const targets = (
      await eventBridge.send(new ListTargetsByRuleCommand({ Rule: names.rule(0), EventBusName: p.busName }))
    ).Targets;
    expect(targets).toEqual([expect.objectContaining({ Id: 'inbox', Arn: p.queueArn })]);
  });

  it('is idempotent, and converges when the declaration changes', async () => {
    const first = await provisionMessaging(clients, jobs, env);
    const again = await provisionMessaging(clients, jobs, env);
    expect(again).toEqual(first);

    const changed: ServiceDeclaration = {
      ...jobs,
      subscriptions: jobs.subscriptions.slice(0, 1),
      maxAttempts: 4,
      visibilityTimeoutSeconds: 7,
    };
    const p = await provisionMessaging(clients, changed, env);

    const inbox = await attributesOf(p.queueUrl);
    expect(inbox.VisibilityTimeout).toBe('7');
    expect(JSON.parse(inbox.RedrivePolicy ?? '{}').maxReceiveCount).toBe(4);
    const rules = (await eventBridge.send(new ListRulesCommand({ EventBusName: p.busName }))).Rules ?? [];
    expect(rules.map((r) => r.Name)).toEqual([resourceNames('jobs', env).rule(0)]);
    await provisionMessaging(clients, jobs, env); // back to the original for the next tests
  });

  it('delivers a matching PutEvents on the custom bus to the inbox as the whole EventBridge event, and nothing else', async () => {
    const p = await provisionMessaging(clients, jobs, env);

    await putEvent(p.busName, 'mediaflow.processing', 'MediaProbed', 2);
    await putEvent(p.busName, 'mediaflow.processing', 'MediaProbed', 3); // version not subscribed
    await putEvent(p.busName, 'mediaflow.jobs', 'MediaProbed', 2); // wrong source

    const [message, ...others] = await receive(p.queueUrl, 30);
    expect(others).toEqual([]);
    expect(JSON.parse(message?.Body ?? '{}')).toMatchObject({
      version: '0',
      source: 'mediaflow.processing',
      'detail-type': 'MediaProbed',
      detail: { metadata: { version: 2 }, data: { n: 1 } },
    });
    expect(await receive(p.queueUrl)).toEqual([]);
  });

  it('moves a message received maxAttempts times without deletion to the DLQ', async () => {
    const p = await provisionMessaging(clients, jobs, env);
    await putEvent(p.busName, 'mediaflow.ingest', 'UploadCompleted', 1);

    // Each receive with visibility 0 counts as an attempt: 2 receives, then the 3rd moves it.
    const counts: string[] = [];
    for (let i = 0; i < jobs.maxAttempts; i += 1) {
      const [m] = await receive(p.queueUrl);
      counts.push(m?.Attributes?.ApproximateReceiveCount ?? 'none');
    }
    expect(counts).toEqual(['1', '2']);
    expect(await receive(p.queueUrl)).toEqual([]);

    const [dead] = await receive(p.dlqUrl);
    expect(JSON.parse(dead?.Body ?? '{}')).toMatchObject({
      source: 'mediaflow.ingest',
      'detail-type': 'UploadCompleted',
    });
  });
});
