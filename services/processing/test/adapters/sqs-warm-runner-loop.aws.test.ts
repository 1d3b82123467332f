// The warm runner's loop against the emulator's SQS and DynamoDB: it runs what the hybrid dispatcher
// queued, marks the claim running on its task while the job runs, keeps the message invisible until
// the end, and drops duplicates and attempts stopped while queued without running them.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClientSettings } from '@mediaflow/config';
import { createActiveTranscodesTable } from '../../src/adapters/aws/dynamodb-active-transcodes-table';
import { DynamoDbWarmRunnerClaims, type WarmClaim } from '../../src/adapters/aws/dynamodb-warm-runner-claims';
import { SqsWarmRunnerLoop } from '../../src/adapters/aws/sqs-warm-runner-loop';
import { JobSpecSchema, type JobSpec } from '../../src/application/job-spec';
import { quietLogger } from '../support/processing-store';

const aws = awsClientSettings();
const sqs = new SQSClient(aws);
const dynamo = new DynamoDBClient(aws);
afterAll(() => [sqs, dynamo].forEach((c) => c.destroy()));

const specOf = (jobId: string): JobSpec =>
  JobSpecSchema.parse({ jobId, attempt: 1, input: `blob:o/up_${jobId}/source`, outputPrefix: `o/${jobId}`, profile: 'sd', expectedRungs: ['360p'] });

const setUp = async () => {
  const env = `t${randomUUID().slice(0, 8)}`;
  const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `mediaflow-${env}-processing-runner-jobs` }))).QueueUrl!;
  const tableName = `mediaflow-${env}-processing-read`;
  await createActiveTranscodesTable(dynamo, tableName);
  const claims = new DynamoDbWarmRunnerClaims({ client: dynamo, tableName });
  const ran: { spec: JobSpec; claimDuring: WarmClaim | undefined; inFlightDuring: number }[] = [];
  const protections: boolean[] = [];
  const depth = async () => {
    const a = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }))).Attributes!;
    return { waiting: Number(a.ApproximateNumberOfMessages), inFlight: Number(a.ApproximateNumberOfMessagesNotVisible) };
  };
  const loop = new SqsWarmRunnerLoop({
    sqs,
    claims,
    queueUrl,
    taskId: 'task-warm-1',
    waitSeconds: 0,
    runJob: async (spec) => {
      ran.push({ spec, claimDuring: await claims.get(`warm-${spec.jobId}`), inFlightDuring: (await depth()).inFlight });
    },
    protect: async (busy) => {
      protections.push(busy);
    },
    logger: quietLogger(),
  });
  const enqueue = async (jobId: string, queued = true) => {
    const runnerId = `warm-${jobId}`;
    if (queued) await claims.queue(runnerId, new Date());
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ runnerId, spec: specOf(jobId) }) }));
    return runnerId;
  };
  return { loop, claims, ran, protections, depth, enqueue, queueUrl };
};

describe(`SqsWarmRunnerLoop @ ${process.env.AWS_ENDPOINT_URL}`, () => {
  const signal = new AbortController().signal;

  it('runs a queued attempt with its claim running on this task and its message in flight, then clears both', async () => {
    const s = await setUp();
    const runnerId = await s.enqueue('job_w1');
    expect(await s.loop.takeOne(signal)).toBe('ran');
    expect(s.ran).toHaveLength(1);
    expect(s.ran[0]!.spec).toEqual(specOf('job_w1'));
    expect(s.ran[0]!.claimDuring).toMatchObject({ state: 'running', taskId: 'task-warm-1' });
    expect(s.ran[0]!.inFlightDuring).toBe(1);
    expect(s.protections).toEqual([true, false]);
    expect(await s.claims.get(runnerId)).toBeUndefined();
    expect(await s.depth()).toEqual({ waiting: 0, inFlight: 0 });
  });

  it('drops an attempt stopped while queued, and a duplicate message of one already taken', async () => {
    const s = await setUp();
    const runnerId = await s.enqueue('job_w2');
    await s.claims.cancel(runnerId, new Date());
    expect(await s.loop.takeOne(signal)).toBe('dropped');
    await s.enqueue('job_w3');
    await s.enqueue('job_w3', false); // the same attempt sent twice
    expect(await s.loop.takeOne(signal)).toBe('ran');
    expect(await s.loop.takeOne(signal)).toBe('dropped');
    expect(s.ran.map((r) => r.spec.jobId)).toEqual(['job_w3']);
    expect(await s.depth()).toEqual({ waiting: 0, inFlight: 0 });
  });

  it('drops an unreadable message and answers empty when the queue is', async () => {
    const s = await setUp();
    await sqs.send(new SendMessageCommand({ QueueUrl: s.queueUrl, MessageBody: '{"runnerId":"warm-x","spec":{"jobId":1}}' }));
    expect(await s.loop.takeOne(signal)).toBe('dropped');
    expect(await s.loop.takeOne(signal)).toBe('empty');
    expect(s.ran).toHaveLength(0);
  });
});
