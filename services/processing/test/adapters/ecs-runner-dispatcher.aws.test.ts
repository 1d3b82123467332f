// EcsRunnerDispatcher against the emulator's ECS: RunTask's request shape (Fargate, the network, the job
// spec in the runner container's override, tags) is read back with DescribeTasks. moto registers the
// task without running anything, so this proves what we ask ECS for, not Fargate itself.
import { randomUUID } from 'node:crypto';
import {
  CreateClusterCommand,
  DescribeTasksCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { awsClientSettings } from '@mediaflow/config';
import { EcsRunnerDispatcher, type EcsRunnerSettings } from '../../src/adapters/aws/ecs-runner-dispatcher';
import { JobSpecSchema, type JobSpec } from '../../src/application/job-spec';
import { quietLogger } from '../support/processing-store';

const client = new ECSClient(awsClientSettings());
afterAll(() => client.destroy());

/** A default subnet of the emulator's EC2 (moto creates one per zone); there is no EC2 client in the repo. */
const defaultSubnet = async (): Promise<string> => {
  const response = await fetch(process.env.AWS_ENDPOINT_URL!, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization:
        'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: 'Action=DescribeSubnets&Version=2016-11-15',
  });
  const subnet = /<subnetId>(subnet-[0-9a-f]+)<\/subnetId>/.exec(await response.text())?.[1];
  if (!subnet) throw new Error('the emulator has no default subnet');
  return subnet;
};

describe(`EcsRunnerDispatcher @ ${process.env.AWS_ENDPOINT_URL}`, () => {
  let settings: EcsRunnerSettings;
  let dispatcher: EcsRunnerDispatcher;
  const spec: JobSpec = JobSpecSchema.parse({
    jobId: 'job_01ECS',
    attempt: 2,
    input: 'blob:owner-1/up_01ECS/source',
    outputPrefix: 'owner-1/job_01ECS',
    profile: 'sd',
    expectedRungs: ['480p', '360p'],
    context: { ownerId: 'owner-1', correlationId: 'corr-1' },
  });

  beforeAll(async () => {
    const env = `t${randomUUID().slice(0, 8)}`;
    const cluster = (await client.send(new CreateClusterCommand({ clusterName: `mediaflow-${env}` })))
      .cluster!.clusterArn!;
    const taskDefinition = (
      await client.send(
        new RegisterTaskDefinitionCommand({
          family: `mediaflow-${env}-processing-runner`,
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '2048',
          memory: '4096',
          containerDefinitions: [
            {
              name: 'runner',
              image: 'mediaflow-runner:test',
              essential: true,
              cpu: 2048,
              memory: 4096,
              command: ['node', 'services/processing/dist/main/runner.js'],
            },
          ],
        }),
      )
    ).taskDefinition!.taskDefinitionArn!;
    settings = {
      cluster,
      taskDefinition,
      container: 'runner',
      subnets: [await defaultSubnet()],
      securityGroups: ['sg-0123456789abcdef0'],
    };
    dispatcher = new EcsRunnerDispatcher({ client, settings, logger: quietLogger() });
  });

  it('starts one Fargate task with the job spec in the runner container override', async () => {
    const { runnerId } = await dispatcher.start(spec);
    expect(runnerId).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/);
    const task = (
      await client.send(
        new DescribeTasksCommand({ cluster: settings.cluster, tasks: [runnerId], include: ['TAGS'] }),
      )
    ).tasks![0]!;
    expect(task.launchType).toBe('FARGATE');
    expect(task.taskDefinitionArn).toBe(settings.taskDefinition);
    expect(task.startedBy).toBe('job_01ECS');
    expect(task.tags).toEqual(
      expect.arrayContaining([
        { key: 'mediaflow:job', value: 'job_01ECS' },
        { key: 'mediaflow:attempt', value: '2' },
      ]),
    );
    expect(task.attachments?.[0]?.details).toEqual(
      expect.arrayContaining([{ name: 'subnetId', value: settings.subnets[0] }]),
    );
    const override = task.overrides?.containerOverrides?.find((o) => o.name === 'runner');
    const specVar = override?.environment?.find((e) => e.name === 'MEDIAFLOW_JOB_SPEC');
    expect(JobSpecSchema.parse(JSON.parse(specVar!.value!))).toEqual(spec);
  });

  it('reports a started task as running, and as gone once StopTask stopped it', async () => {
    const { runnerId } = await dispatcher.start({ ...spec, attempt: 3 });
    expect((await dispatcher.status(runnerId)).state).toBe('running');
    await dispatcher.stop(runnerId);
    expect(await dispatcher.status(runnerId)).toEqual({ state: 'gone' });
  });

  it('reports a task ECS does not know as gone, and stopping it is harmless', async () => {
    expect(await dispatcher.status('0123456789abcdef0123456789abcdef')).toEqual({ state: 'gone' });
    await expect(dispatcher.stop('0123456789abcdef0123456789abcdef')).resolves.toBeUndefined();
  });
});
