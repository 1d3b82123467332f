// The embedded bus routes with matchesPattern; EventBridge routes with the rule's pattern. This
// puts the same cases through a real rule on the emulator's EventBridge (to an SQS target) and
// checks that exactly the events matchesPattern accepts arrive, so both modes route alike.
import {
  CreateEventBusCommand,
  EventBridgeClient,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClientSettings } from '@mediaflow/config';
import { randomUUID } from 'node:crypto';
import { eventPatternOf, matchesPattern } from '../src';

const pattern = eventPatternOf({ from: 'processing', event: 'TranscodeFinished', versions: [1, 3] });

const cases = [
  ['mediaflow.processing', 'TranscodeFinished', 1],
  ['mediaflow.processing', 'TranscodeFinished', 2],
  ['mediaflow.processing', 'TranscodeFinished', 3],
  ['mediaflow.jobs', 'TranscodeFinished', 1],
  ['mediaflow.processing', 'TranscodeFailed', 1],
] as const;

describe(`event patterns route like EventBridge rules [@ ${process.env.AWS_ENDPOINT_URL}]`, () => {
  const settings = awsClientSettings();
  const eventBridge = new EventBridgeClient(settings);
  const sqs = new SQSClient(settings);
  afterAll(() => [eventBridge, sqs].forEach((c) => c.destroy()));

  it('delivers exactly the events matchesPattern accepts', async () => {
    const name = `pattern-${randomUUID().slice(0, 8)}`;
    await eventBridge.send(new CreateEventBusCommand({ Name: name }));
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    await eventBridge.send(new PutRuleCommand({ Name: name, EventBusName: name, EventPattern: JSON.stringify(pattern) }));
    await eventBridge.send(
      new PutTargetsCommand({ Rule: name, EventBusName: name, Targets: [{ Id: 'q', Arn: Attributes?.QueueArn }] }),
    );

    const events = cases.map(([source, detailType, version], i) => ({
      source,
      'detail-type': detailType,
      detail: { metadata: { version, eventId: `case-${i}` } },
    }));
    await eventBridge.send(
      new PutEventsCommand({
        Entries: events.map((e) => ({
          EventBusName: name,
          Source: e.source,
          DetailType: e['detail-type'],
          Detail: JSON.stringify(e.detail),
        })),
      }),
    );

    const expected = events.filter((e) => matchesPattern(pattern, e)).map((e) => e.detail.metadata.eventId);
    const arrived: string[] = [];
    // Poll until the expected ones are in, then once more so an unexpected extra would show up too.
    for (let polls = 0, extra = 0; polls < 10 && extra < 1; polls++) {
      if (arrived.length >= expected.length) extra++;
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
      );
      arrived.push(...Messages.map((m) => JSON.parse(m.Body ?? '{}').detail.metadata.eventId as string));
    }
    expect(expected).toEqual(['case-0', 'case-2']);
    expect(arrived.sort()).toEqual(expected);
  });
});
