// The fault proxy against the real SDK clients and the emulator: each service's fault parses into the
// exception that service's client throws for it, the SDK treats it as retryable (it tries again, up to
// its maximum), a refused call never reaches the emulator, long polls stream through, and a seed
// replays the same faults.
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  InternalServerError,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  ThrottlingException,
} from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { awsClientSettings } from '@mediaflow/config';
import { recogniseCall, startFaultProxy, type FaultKind, type FaultProxy } from '../src/fault-proxy';

const direct = awsClientSettings();
const emulator = direct.endpoint!;
const through = (proxy: FaultProxy, maxAttempts: number) => ({
  ...direct,
  endpoint: proxy.endpoint,
  maxAttempts,
});

const rejection = async (call: Promise<unknown>): Promise<any> => {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded; a fault was expected');
};

describe(`fault proxy in front of ${emulator}`, () => {
  const proxies: FaultProxy[] = [];
  const start = async (rate: number, kinds?: FaultKind[], seed = 7) => {
    const proxy = await startFaultProxy({
      upstream: emulator,
      rate,
      seed,
      ...(kinds && { kinds }),
      slowMs: [300, 301],
    });
    proxies.push(proxy);
    return proxy;
  };
  afterEach(async () => {
    for (const proxy of proxies.splice(0)) await proxy.close();
  });

  it('recognises the service of a call by its target header or its SigV4 credential scope', () => {
    const auth = (service: string) => ({
      authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=abc`,
    });
    expect(recogniseCall('POST', '/', { 'x-amz-target': 'DynamoDB_20120810.Query' })).toMatchObject({
      service: 'dynamodb',
      operation: 'Query',
    });
    expect(
      recogniseCall('POST', '/', {
        'x-amz-target': 'AmazonSQS.ReceiveMessage',
        'amz-sdk-request': 'attempt=2; max=3',
      }),
    ).toEqual({
      service: 'sqs',
      operation: 'ReceiveMessage',
      presigned: false,
      attempt: 2,
      maxAttempts: 3,
    });
    expect(recogniseCall('POST', '/', { 'x-amz-target': 'AWSEvents.PutEvents' })).toMatchObject({
      service: 'events',
      operation: 'PutEvents',
    });
    expect(recogniseCall('GET', '/?Action=ReceiveMessage&QueueUrl=q', auth('sqs'))).toMatchObject({
      service: 'sqs',
      operation: 'ReceiveMessage',
    });
    expect(recogniseCall('PUT', '/bucket/key', auth('s3'))).toMatchObject({
      service: 's3',
      operation: 'PUT',
      presigned: false,
    });
    expect(
      recogniseCall(
        'PUT',
        '/bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=test%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=abc',
        {},
      ),
    ).toEqual({ service: 's3', operation: 'PUT', presigned: true });
    expect(recogniseCall('POST', '/', auth('sts'))).toMatchObject({ service: 'other' });
  });

  it('throttles DynamoDB with its own exceptions, which the SDK retries up to its maximum, and the write never lands', async () => {
    const proxy = await start(1, ['throttle']);
    const dynamo = new DynamoDBClient(through(proxy, 3));
    const table = `fault-${Date.now()}`;
    const plain = new DynamoDBClient(direct);
    await plain.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      }),
    );
    const error = await rejection(
      dynamo.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'a' } } })),
    );
    expect(['ThrottlingException', 'ProvisionedThroughputExceededException']).toContain(error.name);
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400, attempts: 3 });
    // The client's modeled exception class, which the SDK's retry strategy classifies as throttling by name.
    expect(
      error instanceof ThrottlingException || error instanceof ProvisionedThroughputExceededException,
    ).toBe(true);
    expect(proxy.calls.map((c) => [c.operation, c.attempt, c.fault])).toEqual([
      ['PutItem', 1, 'throttle'],
      ['PutItem', 2, 'throttle'],
      ['PutItem', 3, 'throttle'],
    ]);
    expect(
      (await plain.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'a' } } }))).Item,
    ).toBeUndefined();
    // Both throttling errors of DynamoDB come up over a few draws.
    const once = new DynamoDBClient(through(proxy, 1));
    const names = new Set<string>();
    for (let i = 0; i < 8; i += 1)
      names.add(
        (await rejection(once.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'a' } } })))).name,
      );
    expect([...names].sort()).toEqual(['ProvisionedThroughputExceededException', 'ThrottlingException']);
    dynamo.destroy();
    once.destroy();
    plain.destroy();
  });

  it.each([
    ['500', 500, 'InternalServerError'],
    ['503', 503, 'ServiceUnavailable'],
  ] as const)('answers DynamoDB %s as the SDK knows it, retried', async (kind, status, name) => {
    const proxy = await start(1, [kind]);
    const dynamo = new DynamoDBClient(through(proxy, 2));
    const error = await rejection(
      dynamo.send(new GetItemCommand({ TableName: 'none', Key: { pk: { S: 'a' } } })),
    );
    expect({
      name: error.name,
      status: error.$metadata.httpStatusCode,
      attempts: error.$metadata.attempts,
    }).toEqual({ name, status, attempts: 2 });
    if (kind === '500') expect(error).toBeInstanceOf(InternalServerError);
    dynamo.destroy();
  });

  it.each([
    ['throttle', 400, 'ThrottlingException'],
    ['500', 500, 'InternalFailure'],
    ['503', 503, 'ServiceUnavailableException'],
  ] as const)(
    'answers SQS and EventBridge %s in their JSON shape, retried by the SDK',
    async (kind, status, name) => {
      const proxy = await start(1, [kind]);
      const sqs = new SQSClient(through(proxy, 2));
      const events = new EventBridgeClient(through(proxy, 2));
      const sqsError = await rejection(
        sqs.send(new SendMessageCommand({ QueueUrl: `${emulator}/123456789012/none`, MessageBody: 'x' })),
      );
      const eventsError = await rejection(
        events.send(new PutEventsCommand({ Entries: [{ Source: 's', DetailType: 'd', Detail: '{}' }] })),
      );
      for (const error of [sqsError, eventsError])
        expect({
          name: error.name,
          status: error.$metadata.httpStatusCode,
          attempts: error.$metadata.attempts,
        }).toEqual({ name, status, attempts: 2 });
      expect(proxy.stats().byService).toEqual({ dynamodb: 0, sqs: 2, events: 2, s3: 0 });
      sqs.destroy();
      events.destroy();
    },
  );

  it.each([
    ['throttle', 503, 'SlowDown'],
    ['500', 500, 'InternalError'],
    ['503', 503, 'ServiceUnavailable'],
  ] as const)(
    'answers S3 %s with its XML error, after reading the upload body',
    async (kind, status, code) => {
      const proxy = await start(1, [kind]);
      const s3 = new S3Client(through(proxy, 2));
      const error = await rejection(
        s3.send(new PutObjectCommand({ Bucket: 'any', Key: 'k', Body: Buffer.alloc(256 * 1024, 1) })),
      );
      expect({
        name: error.name,
        status: error.$metadata.httpStatusCode,
        attempts: error.$metadata.attempts,
      }).toEqual({ name: code, status, attempts: 2 });
      s3.destroy();
    },
  );

  it('forwards slow calls after a delay, and streams an SQS long poll that ends when a message arrives', async () => {
    const proxy = await start(0);
    const sqs = new SQSClient(through(proxy, 1));
    const { QueueUrl } = await new SQSClient(direct).send(
      new CreateQueueCommand({ QueueName: `fault-${Date.now()}` }),
    );
    const began = Date.now();
    const poll = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 10 }));
    await new Promise((r) => setTimeout(r, 500)); // let the poll reach the emulator before the message
    await new SQSClient(direct).send(new SendMessageCommand({ QueueUrl, MessageBody: 'hello' }));
    const { Messages = [] } = await poll;
    expect(Messages.map((m) => m.Body)).toEqual(['hello']);
    expect(Date.now() - began).toBeLessThan(9_000);

    const slow = await start(1, ['slow']);
    const s3 = new S3Client(through(slow, 1));
    const bucket = `fault-${Date.now()}`;
    await new S3Client(direct).send(new CreateBucketCommand({ Bucket: bucket }));
    const t0 = Date.now();
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'slow bytes' }));
    expect(put.$metadata.httpStatusCode).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(slow.stats()).toMatchObject({ injected: 1, byKind: { slow: 1 }, byService: { s3: 1 } });
    sqs.destroy();
    s3.destroy();
  });

  it('draws the same faults for the same seed and call order', async () => {
    const run = async () => {
      const proxy = await start(0.5, undefined, 12345);
      const sqs = new SQSClient(through(proxy, 1));
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i += 1) {
        const e = await rejection(
          sqs.send(new SendMessageCommand({ QueueUrl: `${emulator}/123456789012/none`, MessageBody: 'x' })),
        );
        outcomes.push(e.name);
      }
      sqs.destroy();
      return { outcomes, faults: proxy.calls.map((c) => c.fault ?? '-') };
    };
    const first = await run();
    expect(first.faults.filter((f) => f !== '-').length).toBeGreaterThan(0);
    expect(first.faults.filter((f) => f === '-').length).toBeGreaterThan(0);
    expect(await run()).toEqual(first);
  });
});
