// A Fargate task definition with one container: the image and command of a service process, its
// environment, and its logs in the process's own log group. A locked-down container (the runner) also
// gets a read-only root filesystem with one writable scratch volume, and a fixed non-root user.
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import type { Construct } from 'constructs';
import type { ProcessCommand } from '../service-commands';

export interface EnvironmentVariable {
  readonly name: string;
  readonly value: string;
}

/** A variable ECS fills from Secrets Manager (or SSM) at start: the value never enters the task definition. */
export interface ContainerSecret {
  readonly name: string;
  /** The secret's ARN. */
  readonly valueFrom: string;
}

interface TaskDefinitionProps {
  readonly family: string;
  /** Also the container name, which RunTask overrides address. */
  readonly containerName: string;
  readonly image: string;
  readonly command: ProcessCommand;
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly ephemeralStorageGiB?: number;
  readonly environment: readonly EnvironmentVariable[];
  readonly secrets?: readonly ContainerSecret[];
  readonly port?: number;
  readonly executionRoleArn: string;
  readonly taskRoleArn: string;
  readonly logGroupName: string;
  readonly region: string;
  /** Read-only root filesystem; the task's ephemeral storage is mounted writable at `scratchPath` only. */
  readonly lockedDown?: { readonly scratchPath: string; readonly user: string };
}

/** The task's ephemeral storage as a volume (Fargate: a bind mount with no host path). */
export const SCRATCH_VOLUME = 'scratch';

export const fargateTaskDefinition = (scope: Construct, id: string, props: TaskDefinitionProps): EcsTaskDefinition =>
  new EcsTaskDefinition(scope, id, {
    family: props.family,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: String(props.cpu),
    memory: String(props.memoryMiB),
    ...(props.ephemeralStorageGiB ? { ephemeralStorage: { sizeInGib: props.ephemeralStorageGiB } } : {}),
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    executionRoleArn: props.executionRoleArn,
    taskRoleArn: props.taskRoleArn,
    ...(props.lockedDown ? { volume: [{ name: SCRATCH_VOLUME }] } : {}),
    containerDefinitions: JSON.stringify([
      {
        name: props.containerName,
        image: props.image,
        command: [...props.command.command],
        essential: true,
        environment: [...props.environment].sort((a, b) => a.name.localeCompare(b.name)),
        ...(props.secrets?.length ? { secrets: [...props.secrets].sort((a, b) => a.name.localeCompare(b.name)) } : {}),
        ...(props.port ? { portMappings: [{ containerPort: props.port, protocol: 'tcp' }] } : {}),
        // An init process forwards SIGTERM, so a worker finishes its message and the runner stops ffmpeg cleanly.
        linuxParameters: { initProcessEnabled: true },
        ...(props.lockedDown
          ? {
              readonlyRootFilesystem: true,
              user: props.lockedDown.user,
              mountPoints: [{ sourceVolume: SCRATCH_VOLUME, containerPath: props.lockedDown.scratchPath, readOnly: false }],
            }
          : {}),
        stopTimeout: 120,
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': props.logGroupName, 'awslogs-region': props.region, 'awslogs-stream-prefix': props.containerName },
        },
      },
    ]),
  });
