// HybridRunnerDispatcher's decisions against the emulator: moto's SQS is real, its ECS registers
// services and tasks without running them (UpdateService sets the running count to the desired one),
// so the floor's capacity, the queue and RunTask are what the dispatcher really sees and does.
import { randomUUID } from 'node:crypto';
import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, DescribeTasksCommand, ECSClient, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClientSettings } from '@mediaflow/config';
import { createActiveTranscodesTable } from '../../src/adapters/aws/dynamodb-active-transcodes-table';
import { DynamoDbWarmRunnerClaims } from '../../src/adapters/aws/dynamodb-warm-runner-claims';
import { EcsRunnerDispatcher } from '../../src/adapters/aws/ecs-runner-dispatcher';
import { HybridRunnerDispatcher, WARM_RUNNER_PREFIX, type WarmFloorSettings, type WarmRunnerJob } from '../../src/adapters/aws/hybrid-runner-dispatcher';
import { JobSpecSchema, type JobSpec } from '../../src/application/job-spec';
import { emulatorDefaultSubnet } from '../support/emulator-subnet';
import { quietLogger } from '../support/processing-store';

const aws = awsClientSettings();
const ecs = new ECSClient(aws);
const sqs = new SQSClient(aws);
const dynamo = new DynamoDBClient(aws);
afterAll(() => [ecs, sqs, dynamo].forEach((c) => c.destroy()));

const specOf = (jobId: string, attempt = 1): JobSpec =>
  JobSpecSchema.parse({
    jobId,
    attempt,
    input: `blob:owner-1/up_${jobId}/source`,
    outputPrefix: `owner-1/${jobId}`,
    profile: 'sd',
    expectedRungs: ['360p'],
    context: { ownerId: 'owner-1', correlationId: 'corr-1' },
  });

const isWarm = (runnerId: string): boolean => runnerId.startsWith(WARM_RUNNER_PREFIX);

interface Stand {
  readonly dispatcher: HybridRunnerDispatcher;
  readonly claims: DynamoDbWarmRunnerClaims;
  readonly settings: WarmFloorSettings;
  readonly tasks: EcsRunnerDispatcher;
  /** Warm runners taking messages off the queue (invisible until their job ends). */
  take(count: number): Promise<WarmRunnerJob[]>;
  queueDepth(): Promise<{ waiting: number; inFlight: number }>;
  setRunning(count: number): Promise<void>;
  desiredCount(): Promise<number | undefined>;
}

/** A cluster, a warm-runner service (desired 0), the runner-jobs queue and the claims table, all fresh. */
const stand = async (floor: number, now?: () => Date): Promise<Stand> => {
  const env = `t${randomUUID().slice(0, 8)}`;
  const cluster = (await ecs.send(new CreateClusterCommand({ clusterName: `mediaflow-${env}` }))).cluster!.clusterArn!;
  const taskDefinition = (
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: `mediaflow-${env}-processing-runner`,
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '2048',
        memory: '4096',
        containerDefinitions: [{ name: 'runner', image: 'mediaflow-runner:test', essential: true, cpu: 2048, memory: 4096 }],
      }),
    )
  ).taskDefinition!.taskDefinitionArn!;
  const service = `mediaflow-${env}-processing-warm-runners`;
  await ecs.send(new CreateServiceCommand({ cluster, serviceName: service, taskDefinition, desiredCount: 0, launchType: 'FARGATE' }));
  const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `mediaflow-${env}-processing-runner-jobs` }))).QueueUrl!;
  const tableName = `mediaflow-${env}-processing-read`;
  await createActiveTranscodesTable(dynamo, tableName);
  const claims = new DynamoDbWarmRunnerClaims({ client: dynamo, tableName });
  const subnet = await emulatorDefaultSubnet();
  const settings: WarmFloorSettings = { cluster, service, queueUrl, floor, queueWaitLimitMs: 60_000 };
  const tasks = new EcsRunnerDispatcher({
    client: ecs,
    settings: { cluster, taskDefinition, container: 'runner', subnets: [subnet], securityGroups: [] },
    logger: quietLogger(),
  });
  const dispatcher = new HybridRunnerDispatcher({ ecs, sqs, claims, tasks, settings, logger: quietLogger(), ...(now && { now }) });
  return {
    dispatcher,
    claims,
    settings,
    tasks,
    take: async (count) => {
      const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: count, VisibilityTimeout: 600 }));
      return (out.Messages ?? []).map((m) => JSON.parse(m.Body!) as WarmRunnerJob);
    },
    queueDepth: async () => {
      const a = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }))).Attributes!;
      return { waiting: Number(a.ApproximateNumberOfMessages), inFlight: Number(a.ApproximateNumberOfMessagesNotVisible) };
    },
    setRunning: async (count) => {
      await ecs.send(new UpdateServiceCommand({ cluster, service, desiredCount: count }));
    },
    desiredCount: async () => (await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }))).services?.[0]?.desiredCount,
  };
};

describe(`HybridRunnerDispatcher @ ${process.env.AWS_ENDPOINT_URL}`, () => {
  it('sends an attempt to the queue while a warm runner is free, with its spec and runner id', async () => {
    const s = await stand(2);
    await s.setRunning(2);
    const { runnerId } = await s.dispatcher.start(specOf('job_free'));
    expect(isWarm(runnerId)).toBe(true);
    const [job] = await s.take(10);
    expect(job).toEqual({ runnerId, spec: specOf('job_free') });
    expect(await s.dispatcher.status(runnerId)).toEqual({ state: 'queued' });
  });

  it('with a floor of 2 and both runners busy, sends the third attempt to RunTask', async () => {
    const s = await stand(2);
    await s.setRunning(2);
    const first = await s.dispatcher.start(specOf('job_a'));
    const second = await s.dispatcher.start(specOf('job_b'));
    expect([isWarm(first.runnerId), isWarm(second.runnerId)]).toEqual([true, true]);
    expect(await s.take(10)).toHaveLength(2); // both warm runners at work
    const third = await s.dispatcher.start(specOf('job_c'));
    expect(isWarm(third.runnerId)).toBe(false);
    const task = (await ecs.send(new DescribeTasksCommand({ cluster: s.settings.cluster, tasks: [third.runnerId], include: ['TAGS'] }))).tasks![0]!;
    expect(task.tags).toEqual(expect.arrayContaining([{ key: 'mediaflow:job', value: 'job_c' }]));
    expect(await s.queueDepth()).toEqual({ waiting: 0, inFlight: 2 });
  });

  it('counts a message still waiting in the queue as taking a warm runner', async () => {
    const s = await stand(1);
    await s.setRunning(1);
    expect(isWarm((await s.dispatcher.start(specOf('job_1'))).runnerId)).toBe(true);
    expect(isWarm((await s.dispatcher.start(specOf('job_2'))).runnerId)).toBe(false);
  });

  it('answers the same runner when asked twice for one (jobId, attempt), and queues it once', async () => {
    const s = await stand(2);
    await s.setRunning(2);
    const first = await s.dispatcher.start(specOf('job_twice', 3));
    const again = await s.dispatcher.start(specOf('job_twice', 3));
    expect(again).toEqual(first);
    expect(await s.queueDepth()).toEqual({ waiting: 1, inFlight: 0 });
    const next = await s.dispatcher.start(specOf('job_twice', 4));
    expect(next.runnerId).not.toBe(first.runnerId);
  });

  it('starts the first attempt after a quiet spell with RunTask and wakes the floor', async () => {
    const s = await stand(3);
    expect(await s.desiredCount()).toBe(0);
    const { runnerId } = await s.dispatcher.start(specOf('job_dawn'));
    expect(isWarm(runnerId)).toBe(false);
    expect(await s.desiredCount()).toBe(3);
    expect(isWarm((await s.dispatcher.start(specOf('job_next'))).runnerId)).toBe(true);
  });

  it('with a floor of 0, never touches the queue or the service', async () => {
    const s = await stand(0);
    await s.setRunning(2);
    expect(isWarm((await s.dispatcher.start(specOf('job_zero'))).runnerId)).toBe(false);
    expect(await s.queueDepth()).toEqual({ waiting: 0, inFlight: 0 });
  });

  it('drops a queued attempt that is stopped: no warm runner can claim it and it is gone', async () => {
    const s = await stand(1);
    await s.setRunning(1);
    const { runnerId } = await s.dispatcher.start(specOf('job_cancel'));
    await s.dispatcher.stop(runnerId);
    expect(await s.claims.claim(runnerId, 'task-1', new Date())).toBe(false);
    expect(await s.dispatcher.status(runnerId)).toEqual({ state: 'gone' });
  });

  it('reports a claimed attempt as running on its warm task, and gone once StopTask stopped that task', async () => {
    const s = await stand(1);
    await s.setRunning(1);
    const { runnerId } = await s.dispatcher.start(specOf('job_run'));
    // A task of the emulator stands for the warm runner that took the message.
    const { runnerId: taskId } = await s.tasks.start(specOf('job_stand_in_for_the_warm_task'));
    const claimedAt = new Date('2026-01-01T00:00:00Z');
    expect(await s.claims.claim(runnerId, taskId, claimedAt)).toBe(true);
    expect(await s.claims.claim(runnerId, 'another-task', new Date())).toBe(false);
    expect(await s.dispatcher.status(runnerId)).toEqual({ state: 'running', since: claimedAt });
    await s.dispatcher.stop(runnerId);
    expect(await s.dispatcher.status(runnerId)).toEqual({ state: 'gone' });
  });

  it('counts an attempt no warm runner took within the wait limit as gone, so the watchdog retries it, and no runner can take it after', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const s = await stand(1, () => now);
    await s.setRunning(1);
    const { runnerId } = await s.dispatcher.start(specOf('job_stuck'));
    now = new Date(now.getTime() + 59_000);
    expect(await s.dispatcher.status(runnerId)).toEqual({ state: 'queued' });
    now = new Date(now.getTime() + 2_000);
    expect(await s.dispatcher.status(runnerId)).toEqual({ state: 'gone' });
    // The message may still reach a warm runner: it must not run an attempt being retried.
    expect(await s.claims.claim(runnerId, 'late-task', now)).toBe(false);
  });

  it('answers running, not gone, for an attempt a warm runner took just as its wait ran out', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const s = await stand(1, () => now);
    await s.setRunning(1);
    const { runnerId } = await s.dispatcher.start(specOf('job_late_claim'));
    const { runnerId: taskId } = await s.tasks.start(specOf('job_stand_in_for_the_late_warm_task'));
    // Claimed after the status read the claim as queued, before it cancelled: the cancel loses.
    const claims = s.claims;
    const realGet = claims.get.bind(claims);
    let reads = 0;
    jest.spyOn(claims, 'get').mockImplementation(async (id) => {
      const claim = await realGet(id);
      if (++reads === 1) await claims.claim(runnerId, taskId, now);
      return claim;
    });
    now = new Date(now.getTime() + 61_000);
    expect(await s.dispatcher.status(runnerId)).toEqual({ state: 'running', since: now });
  });
});
