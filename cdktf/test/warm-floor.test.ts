// The warm floor of runners (docs/dispatch.md) is built only with MEDIAFLOW_RUNNER_WARM_FLOOR above 0:
// then the runner-jobs queue and its DLQ, an ECS service of warm runners whose desired count Terraform
// leaves to the worker and to the scale-to-zero alarm, and the worker told where they are under the
// names processing's own settings schema declares (read back through processing's own loader).
// Floor 0, the default, builds none of it and tells the worker nothing: one RunTask per attempt.
import fs from 'node:fs';
import path from 'node:path';
import { loadProcessingSettings, ProcessingEnvironmentSchema } from '@mediaflow/processing/settings';
import { resourceNames } from '@mediaflow/topology';
import { serviceCommands } from '../src/service-commands';
import { readSettings } from '../src/settings';
import { containersOf, type Container } from './support/containers';
import { describeReferences, referencedResource } from './support/references';
import { only, resources, synthesizeStacks, TEST_ENV, TEST_REGION, type Found, type StackJson } from './support/synthesized-app';

const prefix = `mediaflow-${TEST_ENV}-processing`;
const ssm = (p: string) => `<ssm /mediaflow/${TEST_ENV}/${p}>`;
const WARM_SETTINGS = Object.keys(ProcessingEnvironmentSchema.shape).filter((k) => /^MEDIAFLOW_RUNNER_(WARM_|JOBS_QUEUE|QUEUE_WAIT)/.test(k));

const envOf = (stack: StackJson, container: Container): Record<string, string> =>
  Object.fromEntries(container.environment.map((v) => [v.name, describeReferences(stack, v.value)]));
const rawEnvOf = (container: Container): Record<string, string> => Object.fromEntries(container.environment.map((v) => [v.name, v.value]));
const named = (stack: StackJson, type: string, name: string): Found =>
  only(resources(stack, type).filter((r) => (r.name ?? r.alarm_name) === name), `${type} ${name}`);

describe('the warm floor of runners', () => {
  let off: Record<string, StackJson>;
  let on: Record<string, StackJson>;
  let tuned: StackJson;
  beforeAll(() => {
    off = synthesizeStacks({}, ['processing', 'foundation']);
    on = synthesizeStacks({ MEDIAFLOW_RUNNER_WARM_FLOOR: '8', MEDIAFLOW_IMAGE_TAG: 'abc123' }, ['processing', 'foundation']);
    tuned = synthesizeStacks({ MEDIAFLOW_RUNNER_WARM_FLOOR: '2', MEDIAFLOW_RUNNER_WARM_WINDOW_MINUTES: '30', MEDIAFLOW_RUNNER_QUEUE_WAIT_SECONDS: '30' }, ['processing']).processing!;
  });

  it('reads its knobs with processing’s own bounds and defaults, and refuses values processing would refuse', () => {
    expect(readSettings({}).warmFloor).toEqual({ floor: 0, activeWindowMinutes: 15, queueWaitSeconds: 600 });
    expect(readSettings({ MEDIAFLOW_RUNNER_WARM_FLOOR: '', MEDIAFLOW_RUNNER_QUEUE_WAIT_SECONDS: ' ' }).warmFloor.floor).toBe(0);
    expect(readSettings({ MEDIAFLOW_RUNNER_WARM_FLOOR: '8', MEDIAFLOW_RUNNER_WARM_WINDOW_MINUTES: '20', MEDIAFLOW_RUNNER_QUEUE_WAIT_SECONDS: '900' }).warmFloor).toEqual({
      floor: 8,
      activeWindowMinutes: 20,
      queueWaitSeconds: 900,
    });
    for (const [name, value] of [
      ['MEDIAFLOW_RUNNER_WARM_FLOOR', '101'],
      ['MEDIAFLOW_RUNNER_WARM_FLOOR', '-1'],
      ['MEDIAFLOW_RUNNER_WARM_FLOOR', 'eight'],
      ['MEDIAFLOW_RUNNER_QUEUE_WAIT_SECONDS', '5'],
      ['MEDIAFLOW_RUNNER_WARM_WINDOW_MINUTES', '0'],
      ['MEDIAFLOW_RUNNER_WARM_WINDOW_MINUTES', '1441'],
    ] as const) {
      expect(() => readSettings({ [name]: value })).toThrow(new RegExp(`^${name}=${value}`));
      // processing's loader refuses the same values cdktf refuses (the window is cdktf's alone).
      if (name !== 'MEDIAFLOW_RUNNER_WARM_WINDOW_MINUTES') expect(() => loadProcessingSettings({ [name]: value })).toThrow();
    }
  });

  it('floor 0: no queue, no warm service or task, no scaling, no SQS endpoint, and the worker is told nothing', () => {
    const processing = off.processing!;
    expect(resources(processing, 'aws_sqs_queue').map((q) => q.name).sort()).toEqual(
      [resourceNames('processing', TEST_ENV).queue, resourceNames('processing', TEST_ENV).deadLetterQueue].sort(),
    );
    expect(resources(processing, 'aws_ecs_service').map((s) => s.name)).toEqual([`${prefix}-worker`]);
    expect(resources(processing, 'aws_ecs_task_definition').map((t) => t.family).sort()).toEqual([`${prefix}-runner`, `${prefix}-worker`]);
    expect(resources(processing, 'aws_appautoscaling_target')).toEqual([]);
    expect(resources(processing, 'aws_appautoscaling_policy')).toEqual([]);
    expect(resources(processing, 'aws_iam_role').map((r) => r.name)).not.toContain(`${prefix}-warm-runner-task`);
    expect(resources(off.foundation!, 'aws_vpc_endpoint').map((e) => e.service_name)).not.toContain(`com.amazonaws.${TEST_REGION}.sqs`);
    const worker = rawEnvOf(only(containersOf(processing, `${prefix}-worker`), 'worker'));
    expect(WARM_SETTINGS.length).toBe(4);
    expect(Object.keys(worker).filter((k) => WARM_SETTINGS.includes(k))).toEqual([]);
    expect(loadProcessingSettings(worker).warmFloor).toEqual({ floor: 0, queueWaitSeconds: 600 });
  });

  it('floor > 0: the runner-jobs queue and its DLQ, encrypted with the environment key, redriven after 5 receives', () => {
    const processing = on.processing!;
    const queue = named(processing, 'aws_sqs_queue', `${prefix}-runner-jobs`);
    const dlq = named(processing, 'aws_sqs_queue', `${prefix}-runner-jobs-dlq`);
    for (const q of [queue, dlq]) {
      expect(describeReferences(processing, String(q.kms_master_key_id))).toBe(ssm('kms/key-arn'));
      expect(q.kms_data_key_reuse_period_seconds).toBe(300);
    }
    const redrive = JSON.parse(String(queue.redrive_policy)) as { deadLetterTargetArn: string; maxReceiveCount: number };
    expect(redrive.maxReceiveCount).toBe(5);
    expect(referencedResource(processing, redrive.deadLetterTargetArn)?.name).toBe(dlq.name);
    const allow = only(
      resources(processing, 'aws_sqs_queue_redrive_allow_policy').filter((p) => referencedResource(processing, p.queue_url)?.name === dlq.name),
      'redrive allow policy of the runner-jobs DLQ',
    );
    const sources = (JSON.parse(String(allow.redrive_allow_policy)) as { sourceQueueArns: string[] }).sourceQueueArns;
    expect(sources.map((s) => describeReferences(processing, s))).toEqual([`<aws_sqs_queue ${prefix}-runner-jobs>.arn`]);
    // The loop asks for 120 s per receive and renews it while the job runs; long polling as it does.
    expect(queue).toMatchObject({ visibility_timeout_seconds: 120, receive_wait_time_seconds: 20, message_retention_seconds: 600 });
    // A message outlives no queue wait limit: past it the attempt is retried as lost (SQS keeps at least 60 s).
    expect(named(tuned, 'aws_sqs_queue', `${prefix}-runner-jobs`).message_retention_seconds).toBe(60);
    const alarm = named(processing, 'aws_cloudwatch_metric_alarm', `${prefix}-runner-jobs-dlq-not-empty`);
    expect(alarm).toMatchObject({ metric_name: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: dlq.name }, threshold: 0 });
    expect((alarm.alarm_actions as string[]).map((a) => describeReferences(processing, a))).toEqual([ssm('alarms/topic-arn')]);
  });

  it('floor > 0: a service of warm runners on Fargate in the private subnets and the runner security group, count left to the worker', () => {
    const processing = on.processing!;
    const service = named(processing, 'aws_ecs_service', `${prefix}-warm-runner`);
    expect(service).toMatchObject({ launch_type: 'FARGATE', desired_count: 0, lifecycle: { ignore_changes: ['desired_count'] } });
    const network = service.network_configuration as { subnets: string; security_groups: string[]; assign_public_ip: boolean };
    expect(network.assign_public_ip).toBe(false);
    expect(describeReferences(processing, network.subnets)).toContain(ssm('network/private-subnet-ids'));
    expect(network.security_groups.map((g) => describeReferences(processing, g))).toEqual([`<aws_security_group ${prefix}-runner-tasks>.id`]);
    expect(describeReferences(processing, String(service.task_definition))).toBe(`<aws_ecs_task_definition ${prefix}-warm-runner>.arn`);
    // Only the worker's count is Terraform's.
    expect(named(processing, 'aws_ecs_service', `${prefix}-worker`)).not.toHaveProperty('lifecycle');
  });

  it('floor > 0: the warm runner is the runner’s image, size and environment, with the warm-runner entry point and its queue', () => {
    const processing = on.processing!;
    const task = (family: string) => only(resources(processing, 'aws_ecs_task_definition').filter((t) => t.family === family), family);
    const [runner, warm] = [task(`${prefix}-runner`), task(`${prefix}-warm-runner`)];
    for (const field of ['cpu', 'memory', 'ephemeral_storage', 'execution_role_arn', 'volume', 'runtime_platform']) expect(warm[field]).toEqual(runner[field]);
    const [runnerContainer] = containersOf(processing, `${prefix}-runner`);
    const [warmContainer] = containersOf(processing, `${prefix}-warm-runner`);
    expect(warmContainer!.name).toBe('warm-runner');
    expect(warmContainer!.command).toEqual(['node', 'services/processing/dist/main/warm-runner.js']);
    expect(warmContainer!.command).toEqual(serviceCommands.processing['warm-runner']!.command);
    expect(warmContainer!.image).toBe(runnerContainer!.image);
    const warmEnv = envOf(processing, warmContainer!);
    const { MEDIAFLOW_RUNNER_JOBS_QUEUE_URL: queueUrl, ...rest } = warmEnv;
    expect(rest).toEqual(envOf(processing, runnerContainer!));
    expect(queueUrl).toBe(`<aws_sqs_queue ${prefix}-runner-jobs>.url`);
    // Its logs go to the runner's group (its own stream prefix), so RunnerErrors counts both.
    const logs = (warmContainer as Container & { logConfiguration: { options: Record<string, string> } }).logConfiguration.options;
    expect(describeReferences(processing, logs['awslogs-group']!)).toBe(`/ecs/${prefix}/runner`);
    expect(logs['awslogs-stream-prefix']).toBe('warm-runner');
    // The image bundles every file of services/processing/src/main/ (docker/bundle-entrypoints.mjs): the entry point is there.
    expect(fs.existsSync(path.resolve(__dirname, '../../services/processing/src/main/warm-runner.ts'))).toBe(true);
    expect(fs.readFileSync(path.resolve(__dirname, '../../docker/bundle-entrypoints.mjs'), 'utf8')).toMatch(/readdirSync\(main\)/);
  });

  it('floor > 0: the worker is told the floor, the service and the queue under the names processing’s loader reads', () => {
    const processing = on.processing!;
    const worker = rawEnvOf(only(containersOf(processing, `${prefix}-worker`), 'worker'));
    const given = Object.keys(worker).filter((k) => k.startsWith('MEDIAFLOW_RUNNER_'));
    expect(given.filter((k) => !(k in ProcessingEnvironmentSchema.shape))).toEqual([]);
    expect(given.filter((k) => WARM_SETTINGS.includes(k)).sort()).toEqual([...WARM_SETTINGS].sort());
    const { warmFloor } = loadProcessingSettings(worker);
    expect({ ...warmFloor, service: describeReferences(processing, warmFloor.service!), queueUrl: describeReferences(processing, warmFloor.queueUrl!) }).toEqual({
      floor: 8,
      service: `<aws_ecs_service ${prefix}-warm-runner>.name`,
      queueUrl: `<aws_sqs_queue ${prefix}-runner-jobs>.url`,
      queueWaitSeconds: 600,
    });
    const tunedWorker = rawEnvOf(only(containersOf(tuned, `${prefix}-worker`), 'worker'));
    expect(loadProcessingSettings(tunedWorker).warmFloor).toMatchObject({ floor: 2, queueWaitSeconds: 30 });
  });

  it('floor > 0: back to zero once processing’s inbox received nothing for the active window', () => {
    const check = (stack: StackJson, floor: number, minutes: number) => {
      const target = only(resources(stack, 'aws_appautoscaling_target'), 'scaling target');
      expect(target).toMatchObject({ service_namespace: 'ecs', scalable_dimension: 'ecs:service:DesiredCount', min_capacity: 0, max_capacity: floor });
      expect(describeReferences(stack, String(target.resource_id))).toBe(`service/${ssm('ecs/cluster-name')}/<aws_ecs_service ${prefix}-warm-runner>.name`);
      const policy = only(resources(stack, 'aws_appautoscaling_policy'), 'scaling policy');
      expect(policy.policy_type).toBe('StepScaling');
      expect(policy.step_scaling_policy_configuration).toMatchObject({ adjustment_type: 'ExactCapacity', step_adjustment: [{ scaling_adjustment: 0, metric_interval_upper_bound: '0' }] });
      const idle = named(stack, 'aws_cloudwatch_metric_alarm', `${prefix}-warm-floor-idle`);
      expect(idle).toMatchObject({
        namespace: 'AWS/SQS',
        metric_name: 'NumberOfMessagesSent',
        dimensions: { QueueName: resourceNames('processing', TEST_ENV).queue },
        statistic: 'Sum',
        period: 60,
        evaluation_periods: minutes,
        datapoints_to_alarm: minutes,
        comparison_operator: 'LessThanThreshold',
        treat_missing_data: 'breaching',
      });
      // Below the threshold means no message at all, and every breach lands in the one step (upper bound 0 = the threshold).
      expect(idle.threshold).toBeGreaterThan(0);
      expect(idle.threshold).toBeLessThan(1);
      expect((idle.alarm_actions as string[]).map((a) => describeReferences(stack, a))).toEqual([`<aws_appautoscaling_policy ${prefix}-warm-floor-to-zero>.arn`]);
    };
    check(on.processing!, 8, 15);
    check(tuned, 2, 30);
  });

  it('floor > 0: the foundation adds an SQS interface endpoint, which the runner security group already reaches', () => {
    const endpoints = resources(on.foundation!, 'aws_vpc_endpoint').filter((e) => e.vpc_endpoint_type === 'Interface');
    const sqs = only(endpoints.filter((e) => e.service_name === `com.amazonaws.${TEST_REGION}.sqs`), 'sqs endpoint');
    expect(sqs.private_dns_enabled).toBe(true);
    const ecr = only(endpoints.filter((e) => e.service_name === `com.amazonaws.${TEST_REGION}.ecr.api`), 'ecr endpoint');
    expect(sqs.security_group_ids).toEqual(ecr.security_group_ids);
    expect(sqs.subnet_ids).toEqual(ecr.subnet_ids);
  });
});
