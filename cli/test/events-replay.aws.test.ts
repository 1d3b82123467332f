// `mediaflow events replay --aws` against the emulator: StartReplay from the environment's bus
// archive with FilterArns = the named subscriber's rules (a subscriber-kit team's, or a service's),
// and the replayed event arriving with its original eventId. moto 5.2.5 replays the whole archive to
// every rule whatever the window and FilterArns (see packages/bus's eventbridge-replay test): the
// filtering itself is EventBridge's and is checked here by the request moto records.
import { randomUUID } from 'node:crypto';
import { DescribeReplayCommand, EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { provisionSubscriber } from '@mediaflow/aws-provisioning';
import { awsClientSettings } from '@mediaflow/config';
import { bootstrap, type BootstrapReport } from '@mediaflow/localstack';
import { serviceDeclarations } from '@mediaflow/service-registry';
import { declareSubscriber } from '@mediaflow/topology';
import { runCli } from './cli-harness';

const eventBridge = new EventBridgeClient(awsClientSettings());
const sqs = new SQSClient(awsClientSettings());
const env = `c${randomUUID().slice(0, 8)}`;
const team = declareSubscriber({ name: `acme-${randomUUID().slice(0, 6)}`, subscriptions: [{ from: 'jobs', event: 'JobCompleted', versions: [1] }] });

const receiveEventIds = async (QueueUrl: string): Promise<string[]> => {
  const ids: string[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }));
    if (Messages.length === 0) return ids;
    for (const m of Messages) {
      ids.push((JSON.parse(m.Body!) as { detail: { metadata: { eventId: string } } }).detail.metadata.eventId);
      await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle! }));
    }
  }
};

describe('mediaflow events replay --aws (emulator)', () => {
  let report: BootstrapReport;
  let queueUrl: string;
  let teamRules: readonly string[];
  beforeAll(async () => {
    report = await bootstrap(serviceDeclarations, env);
    const provisioned = await provisionSubscriber({ eventBridge, sqs }, team, report.bus.name);
    [queueUrl, teamRules] = [provisioned.queueUrl, provisioned.ruleArns];
  }, 60_000);

  const replay = (subscriber: string, from: Date, to: Date) =>
    runCli(['events', 'replay', '--aws', '--env', env, '--subscriber', subscriber, '--from', from.toISOString(), '--to', to.toISOString(), '--wait', '--json'], {});

  it('replays the window from the archive to the team’s rules only, and the event keeps its eventId', async () => {
    const from = new Date(Date.now() - 1000);
    const eventId = randomUUID();
    const detail = { metadata: { eventId, version: 1, occurredAt: new Date().toISOString(), correlationId: eventId, causationId: null, ownerId: 'o' }, data: {} };
    await eventBridge.send(new PutEventsCommand({ Entries: [{ EventBusName: report.bus.name, Source: 'mediaflow.jobs', DetailType: 'JobCompleted', Detail: JSON.stringify(detail) }] }));
    expect(await receiveEventIds(queueUrl)).toEqual([eventId]);

    const result = await replay(team.name, from, new Date());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as { name: string; ruleArns: string[]; finalState: string };
    expect(answer).toMatchObject({ ruleArns: teamRules, finalState: 'COMPLETED' });
    const described = await eventBridge.send(new DescribeReplayCommand({ ReplayName: answer.name }));
    expect(described).toMatchObject({ EventSourceArn: report.bus.archiveArn, Destination: { Arn: report.bus.arn, FilterArns: teamRules } });
    expect(await receiveEventIds(queueUrl)).toEqual([eventId]);
  }, 60_000);

  it('finds a service’s rules by its name', async () => {
    const result = await replay('notifications', new Date(Date.now() - 60_000), new Date());
    expect(result.code).toBe(0);
    const rules = report.services.find((s) => s.service === 'notifications')!.ruleArns;
    expect((JSON.parse(result.stdout) as { ruleArns: string[] }).ruleArns.sort()).toEqual([...rules].sort());
  }, 60_000);

  it('refuses a name with no rules on the bus, with UNKNOWN_SUBSCRIBER and exit code 2', async () => {
    const result = await replay('nobody-here', new Date(Date.now() - 60_000), new Date());
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('UNKNOWN_SUBSCRIBER: no subscriber "nobody-here"') });
  }, 60_000);
});
