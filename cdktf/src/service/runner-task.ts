// The processing runner: a Fargate task definition (CPU, memory and scratch disk sized for ffmpeg)
// that the processing worker starts with RunTask, one task per job, and the runner's own role. It
// parses untrusted media, so it is locked down: read-only root filesystem with the scratch disk
// mounted at /tmp (TMPDIR, where a job's work folder goes), the image's unprivileged `node` user
// (uid 1000) fixed here so no image change can make it root, and a role with the job's table, key and
// bucket prefixes only (not even the event store's stream, which only the worker's relay reads).
// The warm runner (warm-floor.ts) is the same task with another command and container name, and a
// role with the same rights plus its queue's.
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Construct } from 'constructs';
import type { ProcessCommand } from '../service-commands';
import type { BucketGrants } from '../service-profiles';
import type { RunnerSize } from '../settings';
import { bucketStatements } from './bucket-permissions';
import { eventStoreStatement, keyStatement, type OwnResources } from './service-permissions';
import { fargateTaskDefinition, type EnvironmentVariable } from './task-definition';
import { TaskRole } from './task-role';

export const RUNNER_CONTAINER = 'runner';
/** The scratch volume's mount point; TMPDIR points there. */
export const RUNNER_SCRATCH = '/tmp';
/** uid:gid of `node` in the node:20-bookworm-slim base of docker/runner.Dockerfile. */
export const RUNNER_USER = '1000:1000';

interface RunnerTaskProps {
  readonly own: OwnResources;
  readonly grants: BucketGrants;
  readonly command: ProcessCommand;
  readonly image: string;
  readonly size: RunnerSize;
  readonly environment: readonly EnvironmentVariable[];
  readonly names: { readonly family: string; readonly taskRole: string; readonly logGroup: string };
  /** `runner` unless said; also the prefix of its log streams. */
  readonly containerName?: string;
  /** Rights beyond the runner's own (the warm runner's queue). */
  readonly moreStatements?: readonly DataAwsIamPolicyDocumentStatement[];
  readonly executionRoleArn: string;
  readonly accountId: string;
  readonly region: string;
}

export class RunnerTask extends Construct {
  readonly taskDefinition: EcsTaskDefinition;
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: RunnerTaskProps) {
    super(scope, id);
    const { own } = props;
    // The runner appends its Transcode* events to processing's own event store; the relay publishes them.
    this.role = new TaskRole(this, 'role', {
      name: props.names.taskRole,
      accountId: props.accountId,
      statements: [
        eventStoreStatement(own.table),
        keyStatement(own.kmsKeyArn),
        ...bucketStatements(props.grants, own.bucketArn),
        ...(props.moreStatements ?? []),
      ],
    }).role;
    this.taskDefinition = fargateTaskDefinition(this, 'task', {
      family: props.names.family,
      containerName: props.containerName ?? RUNNER_CONTAINER,
      image: props.image,
      command: props.command,
      cpu: props.size.cpu,
      memoryMiB: props.size.memoryMiB,
      ephemeralStorageGiB: props.size.ephemeralStorageGiB,
      environment: [...props.environment, { name: 'TMPDIR', value: RUNNER_SCRATCH }],
      lockedDown: { scratchPath: RUNNER_SCRATCH, user: RUNNER_USER },
      executionRoleArn: props.executionRoleArn,
      taskRoleArn: this.role.arn,
      logGroupName: props.names.logGroup,
      region: props.region,
    });
  }
}
