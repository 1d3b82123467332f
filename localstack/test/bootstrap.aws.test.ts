// The bootstrap against the emulator: idempotent, and the rules it creates route each public event
// to exactly the services that declared it.
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeArchiveCommand, EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClientSettings } from '@mediaflow/config';
import { archiveName, busName } from '@mediaflow/topology';
import { randomUUID } from 'node:crypto';
import { bootstrap, type BootstrapReport } from '../src/bootstrap';
import { serviceDeclarations } from '@mediaflow/service-registry';

const env = `t${randomUUID().slice(0, 8)}`;

describe(`emulator bootstrap [@ ${process.env.AWS_ENDPOINT_URL}]`, () => {
  const settings = awsClientSettings();
  const sqs = new SQSClient(settings);
  const dynamo = new DynamoDBClient(settings);
  const eventBridge = new EventBridgeClient(settings);
  let report: BootstrapReport;

  beforeAll(async () => {
    report = await bootstrap(serviceDeclarations, env);
  });
  afterAll(() => [sqs, dynamo, eventBridge].forEach((c) => c.destroy()));

  const queueOf = (service: string) => {
    const s = report.services.find((x) => x.service === service);
    if (!s) throw new Error(`no ${service} in the report`);
    return s;
  };

  it('is idempotent: a second run changes nothing and reports the same resources', async () => {
    const again = await bootstrap(serviceDeclarations, env);
    expect(again).toEqual(report);
  });

  it('archives the bus, as the foundation stack does, so replays can be tried on the emulator', async () => {
    const archive = await eventBridge.send(new DescribeArchiveCommand({ ArchiveName: archiveName(env) }));
    expect(archive).toMatchObject({ ArchiveArn: report.bus.archiveArn, EventSourceArn: report.bus.arn });
    expect(report.bus.name).toBe(busName(env));
  });

  it('creates an event-store table and a read-model table per service', async () => {
    for (const s of report.services) {
      for (const TableName of [s.table, s.readTable]) {
        const { Table } = await dynamo.send(new DescribeTableCommand({ TableName }));
        expect(Table?.TableStatus).toBe('ACTIVE');
      }
    }
  });

  it('gives every inbox a dead-letter queue after the declared number of attempts', async () => {
    for (const d of serviceDeclarations) {
      const { Attributes } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: queueOf(d.service).queueUrl, AttributeNames: ['RedrivePolicy'] }),
      );
      expect(JSON.parse(Attributes?.RedrivePolicy ?? '{}')).toMatchObject({
        deadLetterTargetArn: queueOf(d.service).dlqArn,
        maxReceiveCount: d.maxAttempts,
      });
    }
  });

  it('routes the fact JobCreated v1 to notifications only, and the request ProbeRequested v1 to processing only', async () => {
    const created = { metadata: { eventId: randomUUID(), version: 1 }, data: {} };
    const requested = { metadata: { eventId: randomUUID(), version: 1 }, data: {} };
    const put = await eventBridge.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: busName(env), Source: 'mediaflow.jobs', DetailType: 'JobCreated', Detail: JSON.stringify(created) },
          { EventBusName: busName(env), Source: 'mediaflow.jobs', DetailType: 'ProbeRequested', Detail: JSON.stringify(requested) },
        ],
      }),
    );
    expect(put.FailedEntryCount).toBe(0);
    const received = async (service: string) => {
      const { Messages } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueOf(service).queueUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }),
      );
      return (Messages ?? []).map((m) => JSON.parse(m.Body ?? '{}').detail?.metadata?.eventId);
    };
    expect(await received('processing')).toEqual([requested.metadata.eventId]);
    expect(await received('notifications')).toEqual([created.metadata.eventId]);
    expect(await received('jobs')).toEqual([]);
    expect(await received('ingest')).toEqual([]);
  });
});
