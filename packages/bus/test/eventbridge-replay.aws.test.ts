// Replay on the emulator: the bus's archive re-sends a window to one subscriber's rules
// (ReplayDestination.FilterArns), and the replayed events keep mediaflow's eventId in
// detail.metadata, while EventBridge gives them a new envelope id and a `replay-name`.
// What moto 5.2.5 does NOT do (read in moto/events/models.py, Replay.replay_events): it replays the
// whole archive whatever the window, to every rule of the bus whatever FilterArns. So this suite
// checks the request shape moto accepts and echoes back, and the event id on a replayed message; the
// window and the rule filter are EventBridge's job and are not provable here.
import { randomUUID } from 'node:crypto';
import { DescribeReplayCommand, EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ensureArchive, ensureBus, provisionSubscriber } from '@mediaflow/aws-provisioning';
import { awsClientSettings } from '@mediaflow/config';
import { declareSubscriber, subscriberNames } from '@mediaflow/topology';
import { ReplayWindowInvalid } from '../src';
import { ruleArnsByPrefix, startArchiveReplay, waitForReplay } from '../src/aws';
import { testEvent } from '../src/testing/ping-events';

const eventBridge = new EventBridgeClient(awsClientSettings());
const sqs = new SQSClient(awsClientSettings());
const env = `r-${randomUUID().slice(0, 8)}`;
const subscriber = declareSubscriber({ name: `acme-${randomUUID().slice(0, 6)}`, subscriptions: [{ from: 'ingest', event: 'Ping', versions: [1] }] });

const drain = async (QueueUrl: string) => {
  const got: { id: string; 'replay-name'?: string; detail: { metadata: { eventId: string } } }[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }));
    if (Messages.length === 0) return got;
    for (const m of Messages) {
      got.push(JSON.parse(m.Body!));
      await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle! }));
    }
  }
};

describe('replaying the archive to one subscriber (EventBridge on the emulator)', () => {
  it('sends a replay filtered to the subscriber’s rules, and the replayed event keeps its eventId', async () => {
    const { busName, busArn } = await ensureBus(eventBridge, env);
    const { archiveArn } = await ensureArchive(eventBridge, env, busArn);
    const provisioned = await provisionSubscriber({ eventBridge, sqs }, subscriber, busName);
    const ruleArns = await ruleArnsByPrefix(eventBridge, busName, subscriberNames(subscriber.name).rulePrefix);
    expect(ruleArns).toEqual(provisioned.ruleArns);

    const from = new Date(Date.now() - 1000);
    const event = testEvent('ingest', 'Ping', 1, { n: 1 });
    const put = await eventBridge.send(new PutEventsCommand({
      Entries: [{ EventBusName: busName, Source: event.source, DetailType: event['detail-type'], Detail: JSON.stringify(event.detail) }],
    }));
    expect(put.FailedEntryCount ?? 0).toBe(0);
    const first = await drain(provisioned.queueUrl);
    expect(first.map((m) => m.detail.metadata.eventId)).toEqual([event.detail.metadata.eventId]);

    const replay = await startArchiveReplay(eventBridge, { archiveArn, busArn, ruleArns, from, to: new Date(), name: `${env}-1` });
    expect(await waitForReplay(eventBridge, replay.name, { timeoutMs: 10_000, pollMs: 200 })).toEqual({ state: 'COMPLETED' });
    const described = await eventBridge.send(new DescribeReplayCommand({ ReplayName: replay.name }));
    expect(described.Destination).toEqual({ Arn: busArn, FilterArns: ruleArns });
    expect(described.EventSourceArn).toBe(archiveArn);

    const replayed = await drain(provisioned.queueUrl);
    expect(replayed).toHaveLength(1);
    expect(replayed[0]!.detail.metadata.eventId).toBe(event.detail.metadata.eventId);
    expect(replayed[0]!.id).not.toBe(first[0]!.id);
    expect(replayed[0]!['replay-name']).toBe(replay.name);
  });

  it('refuses a bad window or an empty rule list before calling EventBridge', async () => {
    const base = { archiveArn: 'arn:aws:events:us-east-1:123456789012:archive/x', busArn: 'arn:aws:events:us-east-1:123456789012:event-bus/x' };
    const now = new Date();
    await expect(startArchiveReplay(eventBridge, { ...base, ruleArns: ['r'], from: now, to: now }, now)).rejects.toThrow(ReplayWindowInvalid);
    await expect(startArchiveReplay(eventBridge, { ...base, ruleArns: [], from: new Date(0), to: now }, now)).rejects.toThrow(/every rule/);
  });
});
