// processing alone on AWS (the worker task): DynamoDB store, SQS inbox, EventBridge, S3, runner tasks
// on ECS Fargate, and the active-transcodes index in the service's read-model table. Against an
// emulator whose ECS never runs tasks (moto), runners can be local child processes in AWS mode instead.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ECSClient } from '@aws-sdk/client-ecs';
import { awsClientSettings } from '@mediaflow/config';
import type { Logger } from '@mediaflow/logging';
import { createAwsContainer, TOKENS, type ServiceInstance } from '@mediaflow/runtime';
import { resourceNames } from '@mediaflow/topology';
import { DynamoDbActiveTranscodes } from '../adapters/aws/dynamodb-active-transcodes';
import { EcsRunnerDispatcher, type EcsRunnerSettings } from '../adapters/aws/ecs-runner-dispatcher';
import { ChildProcessRunnerDispatcher } from '../adapters/local/child-process-runner-dispatcher';
import type { RunnerDispatcher } from '../ports/runner-dispatcher';
import { processingDeclaration } from '../subscriptions';
import { bindProcessing, processingInstance } from './bind-processing';
import { loadProcessingConfig, type ProcessingConfig } from './processing-config';

export class RunnerDispatchNotConfigured extends Error {
  readonly code = 'RUNNER_DISPATCH_NOT_CONFIGURED';
  override readonly name = 'RunnerDispatchNotConfigured';
  constructor(missing: readonly string[]) {
    super(`AWS mode needs ${missing.join(', ')} to start runner tasks`);
  }
}

export const ecsRunnerSettings = (settings: ProcessingConfig): EcsRunnerSettings => {
  const { MEDIAFLOW_RUNNER_CLUSTER: cluster, MEDIAFLOW_RUNNER_TASK_DEFINITION: taskDefinition } = settings;
  const missing = [
    ...(cluster ? [] : ['MEDIAFLOW_RUNNER_CLUSTER']),
    ...(taskDefinition ? [] : ['MEDIAFLOW_RUNNER_TASK_DEFINITION']),
    ...(settings.MEDIAFLOW_RUNNER_SUBNETS.length ? [] : ['MEDIAFLOW_RUNNER_SUBNETS']),
  ];
  if (!cluster || !taskDefinition || missing.length) throw new RunnerDispatchNotConfigured(missing);
  return {
    cluster,
    taskDefinition,
    container: settings.MEDIAFLOW_RUNNER_CONTAINER,
    subnets: settings.MEDIAFLOW_RUNNER_SUBNETS,
    securityGroups: settings.MEDIAFLOW_RUNNER_SECURITY_GROUPS,
    assignPublicIp: settings.MEDIAFLOW_RUNNER_ASSIGN_PUBLIC_IP === 'true',
  };
};

export interface AwsProcessingOptions {
  /**
   * Where runners run: ECS Fargate tasks (default, production), or a child-process pool on this
   * machine with the runner in AWS mode (S3 in, S3 out) — for emulators that register ECS tasks but
   * never run them. Not configurable from the environment, so a deployment cannot switch by mistake.
   */
  readonly runnerDispatch?: 'ecs' | 'local';
}

const localRunnerPool = (settings: ProcessingConfig, logger: Logger): RunnerDispatcher =>
  new ChildProcessRunnerDispatcher({
    concurrency: settings.MEDIAFLOW_RUNNER_CONCURRENCY,
    env: {
      MEDIAFLOW_MODE: 'aws',
      MEDIAFLOW_ENV: settings.MEDIAFLOW_ENV,
      AWS_REGION: settings.AWS_REGION,
      LOG_LEVEL: settings.LOG_LEVEL,
      ...(settings.AWS_ENDPOINT_URL && { AWS_ENDPOINT_URL: settings.AWS_ENDPOINT_URL }),
    },
    logger,
  });

export const createAwsService = async (
  overrides: Partial<ProcessingConfig> = {},
  options: AwsProcessingOptions = {},
): Promise<ServiceInstance> => {
  const settings: ProcessingConfig = { ...loadProcessingConfig(), ...overrides };
  const container = await createAwsContainer({ declaration: processingDeclaration, config: settings });
  const aws = awsClientSettings();
  const logger = container.get<Logger>(TOKENS.Logger);
  const dispatcher =
    options.runnerDispatch === 'local'
      ? localRunnerPool(settings, logger.createChild({ persistentKeys: { component: 'runner-pool' } }))
      : new EcsRunnerDispatcher({
          client: new ECSClient(aws),
          settings: ecsRunnerSettings(settings),
          logger: logger.createChild({ persistentKeys: { component: 'ecs-runner' } }),
        });
  const active = new DynamoDbActiveTranscodes({
    client: new DynamoDBClient(aws),
    tableName: resourceNames('processing', settings.MEDIAFLOW_ENV).readModel,
  });
  bindProcessing(container, { settings, dispatcher, active });
  return processingInstance(container);
};
