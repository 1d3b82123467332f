// The warm floor of processing's runners (docs/dispatch.md), built only with MEDIAFLOW_RUNNER_WARM_FLOOR
// above 0: the runner-jobs queue (and its DLQ) the processing worker sends attempts to while a warm
// runner is free, an ECS service of warm runners (the runner's image, size and containment, command
// main/warm-runner) taking them, and the way back to zero. The worker sets the service's desired count
// to the floor when it dispatches (so Terraform ignores the count); Application Auto Scaling sets it
// to 0 once processing's inbox, where every attempt's TranscodeRequested arrives, has received
// nothing for the active window. A warm runner protects its task from that scale-in while a job runs.
import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueueRedriveAllowPolicy } from '@cdktf/provider-aws/lib/sqs-queue-redrive-allow-policy';
import { resourceNames } from '@mediaflow/topology';
import { Construct } from 'constructs';
import { serviceInfraNames } from '../naming/infra-names';
import type { ProcessCommand } from '../service-commands';
import type { BucketGrants } from '../service-profiles';
import type { RunnerSize, WarmFloorSettings } from '../settings';
import { fargateService } from './fargate-service';
import { warmFloorVariables, warmRunnerVariables } from './process-settings';
import { RunnerTask } from './runner-task';
import type { OwnResources } from './service-permissions';
import { WARM_CLAIM_KEY_PREFIX, WARM_RUNNER_VISIBILITY_SECONDS } from '@mediaflow/processing/declaration';
import type { EnvironmentVariable } from './task-definition';

export const WARM_RUNNER_CONTAINER = 'warm-runner';
/** Receives before a message goes to the DLQ: a runner dying between receive and claim, again and again. */
export const RUNNER_JOBS_MAX_RECEIVES = 5;
const FOURTEEN_DAYS = 14 * 24 * 3600;

interface WarmFloorProps {
  readonly settings: WarmFloorSettings;
  readonly env: string;
  readonly region: string;
  readonly own: OwnResources;
  readonly grants: BucketGrants;
  readonly command: ProcessCommand;
  readonly image: string;
  readonly size: RunnerSize;
  /** The runner task's environment (the warm runner gets it plus its queue). */
  readonly environment: readonly EnvironmentVariable[];
  readonly executionRoleArn: string;
  readonly accountId: string;
  readonly cluster: { readonly arn: string; readonly name: string; readonly tasksArn: string };
  readonly subnetIds: string[];
  /** The runner's own security group: HTTPS to S3, DynamoDB and the VPC's interface endpoints only. */
  readonly runnerSecurityGroupId: string;
  readonly alarmTopicArn: string;
}

export class WarmFloor extends Construct {
  readonly queue: SqsQueue;
  readonly deadLetterQueue: SqsQueue;
  readonly service: EcsService;
  /** What the processing worker may do to feed and wake the floor. */
  readonly workerStatements: DataAwsIamPolicyDocumentStatement[];
  /** What the processing worker is told (names from processing's settings schema). */
  readonly workerVariables: Record<string, string>;

  constructor(scope: Construct, id: string, props: WarmFloorProps) {
    super(scope, id);
    const { own, settings } = props;
    const names = serviceInfraNames(own.service, props.env);

    // A data key is reused for 5 minutes: one KMS call per 5 minutes instead of one per message.
    const encryption = { kmsMasterKeyId: own.kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300 };
    this.deadLetterQueue = new SqsQueue(this, 'dead-letter-queue', { name: names.runnerJobsDeadLetterQueue, messageRetentionSeconds: FOURTEEN_DAYS, ...encryption });
    this.queue = new SqsQueue(this, 'queue', {
      name: names.runnerJobsQueue,
      visibilityTimeoutSeconds: WARM_RUNNER_VISIBILITY_SECONDS,
      // An attempt queued longer than the wait limit is already failed as lost and retried under a new
      // runner id: SQS drops its message instead of a warm runner finding it later (60 s is SQS's minimum).
      messageRetentionSeconds: Math.max(60, settings.queueWaitSeconds),
      receiveWaitTimeSeconds: 20,
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: this.deadLetterQueue.arn, maxReceiveCount: RUNNER_JOBS_MAX_RECEIVES }),
      ...encryption,
    });
    new SqsQueueRedriveAllowPolicy(this, 'dead-letter-sources', {
      queueUrl: this.deadLetterQueue.url,
      redriveAllowPolicy: JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [this.queue.arn] }),
    });

    const runner = new RunnerTask(this, 'task', {
      own,
      grants: props.grants,
      command: props.command,
      image: props.image,
      size: props.size,
      environment: [...props.environment, ...Object.entries(warmRunnerVariables(this.queue.url)).map(([name, value]) => ({ name, value }))],
      // The runner's log group (stream prefix warm-runner/): its RunnerErrors metric and alarm count both.
      names: { family: names.taskFamily('warm-runner'), taskRole: names.warmRunnerTaskRole, logGroup: names.logGroup('runner') },
      containerName: WARM_RUNNER_CONTAINER,
      moreStatements: [
        {
          sid: 'TakeRunnerJobs',
          actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility'],
          resources: [this.queue.arn],
        },
        {
          sid: 'ClaimQueuedAttempts',
          actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
          resources: [own.readModel.arn],
          condition: [{ test: 'ForAllValues:StringLike', variable: 'dynamodb:LeadingKeys', values: [`${WARM_CLAIM_KEY_PREFIX}*`] }],
        },
        // Through the ECS agent's endpoint, with this role: a task may only be protected from scale-in
        // while its job runs. IAM has no "the caller's own task": the cluster's tasks.
        { sid: 'ProtectBusyRunner', actions: ['ecs:UpdateTaskProtection'], resources: [props.cluster.tasksArn] },
      ],
      executionRoleArn: props.executionRoleArn,
      accountId: props.accountId,
      region: props.region,
    });

    this.service = fargateService(this, 'service', {
      name: names.ecsService('warm-runner'),
      clusterArn: props.cluster.arn,
      taskDefinition: runner.taskDefinition,
      subnetIds: props.subnetIds,
      securityGroupIds: [props.runnerSecurityGroupId],
      desiredCount: 0,
      desiredCountSetElsewhere: true,
    });

    const target = new AppautoscalingTarget(this, 'scaling-target', {
      serviceNamespace: 'ecs',
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${props.cluster.name}/${this.service.name}`,
      minCapacity: 0,
      maxCapacity: settings.floor,
    });
    const toZero = new AppautoscalingPolicy(this, 'to-zero', {
      name: names.scalingPolicy('warm-floor-to-zero'),
      policyType: 'StepScaling',
      serviceNamespace: target.serviceNamespace,
      scalableDimension: target.scalableDimension,
      resourceId: target.resourceId,
      stepScalingPolicyConfiguration: {
        adjustmentType: 'ExactCapacity',
        cooldown: 60,
        metricAggregationType: 'Maximum',
        // The alarm breaches below 0.5 messages: any breach sets the count to 0.
        stepAdjustment: [{ scalingAdjustment: 0, metricIntervalUpperBound: '0' }],
      },
    });
    const inbox = resourceNames(own.service, props.env).queue;
    new CloudwatchMetricAlarm(this, 'idle', {
      alarmName: names.alarm('warm-floor-idle'),
      alarmDescription: `${inbox} received no message for ${settings.activeWindowMinutes} min: the warm floor goes back to 0 (the next dispatch wakes it)`,
      namespace: 'AWS/SQS',
      metricName: 'NumberOfMessagesSent',
      dimensions: { QueueName: inbox },
      statistic: 'Sum',
      period: 60,
      evaluationPeriods: settings.activeWindowMinutes,
      datapointsToAlarm: settings.activeWindowMinutes,
      threshold: 0.5,
      comparisonOperator: 'LessThanThreshold',
      // SQS stops reporting a queue idle for hours: no data is no traffic.
      treatMissingData: 'breaching',
      alarmActions: [toZero.arn],
    });
    new CloudwatchMetricAlarm(this, 'dlq-not-empty', {
      alarmName: names.alarm('runner-jobs-dlq-not-empty'),
      alarmDescription: `${names.runnerJobsDeadLetterQueue} holds attempts no warm runner could take: read them (their jobs were retried as lost)`,
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: names.runnerJobsDeadLetterQueue },
      statistic: 'Maximum',
      period: 60,
      evaluationPeriods: 1,
      threshold: 0,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'notBreaching',
      alarmActions: [props.alarmTopicArn],
      okActions: [props.alarmTopicArn],
    });

    this.workerStatements = [
      { sid: 'FeedTheWarmFloor', actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes'], resources: [this.queue.arn] },
      // Free runners = the service's running count − the queue's messages; a dispatch below the floor raises the count.
      { sid: 'WakeTheWarmFloor', actions: ['ecs:DescribeServices', 'ecs:UpdateService'], resources: [this.service.id] },
    ];
    this.workerVariables = warmFloorVariables({
      floor: settings.floor,
      service: this.service.name,
      queueUrl: this.queue.url,
      queueWaitSeconds: settings.queueWaitSeconds,
    });
  }
}
