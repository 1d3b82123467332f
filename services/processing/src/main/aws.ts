// processing alone on AWS (the worker task): DynamoDB store, SQS inbox, EventBridge, S3, runner tasks
// on ECS Fargate, and the active-transcodes index in the service's read-model table (over the
// infrastructure's one DynamoDB client). Against an emulator whose ECS never runs tasks (moto),
// runners can be local child processes in AWS mode instead.
import { ECSClient } from '@aws-sdk/client-ecs';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ContainerModule } from 'inversify';
import {
  awsInfrastructure,
  bindTyped,
  createServiceContainer,
  loadInfrastructureSettings,
  resolve,
  TOKENS,
  type InfrastructureSettings,
  type ServiceInstance,
} from '@mediaflow/runtime';
import { resourceNames } from '@mediaflow/topology';
import { DynamoDbActiveTranscodes } from '../adapters/aws/dynamodb-active-transcodes';
import { DynamoDbWarmRunnerClaims } from '../adapters/aws/dynamodb-warm-runner-claims';
import { EcsRunnerDispatcher, type EcsRunnerSettings } from '../adapters/aws/ecs-runner-dispatcher';
import { HybridRunnerDispatcher, type WarmFloorSettings } from '../adapters/aws/hybrid-runner-dispatcher';
import { ChildProcessRunnerDispatcher } from '../adapters/local/child-process-runner-dispatcher';
import { processingDeclaration } from '../subscriptions';
import { loadProcessingSettings, type RunnerTaskPlacement } from './processing-config';
import type { WarmFloorPlacement } from './warm-floor-settings';
import { processingInstance, processingModule } from './processing-module';
import { PROCESSING_TOKENS } from './processing-tokens';

class RunnerDispatchNotConfigured extends Error {
  readonly code = 'RUNNER_DISPATCH_NOT_CONFIGURED';
  override readonly name = 'RunnerDispatchNotConfigured';
  constructor(missing: readonly string[]) {
    super(`AWS mode needs ${missing.join(', ')} to start runner tasks`);
  }
}

const ecsRunnerSettings = (placement: RunnerTaskPlacement): EcsRunnerSettings => {
  const { cluster, taskDefinition } = placement;
  const missing = [
    ...(cluster ? [] : ['MEDIAFLOW_RUNNER_CLUSTER']),
    ...(taskDefinition ? [] : ['MEDIAFLOW_RUNNER_TASK_DEFINITION']),
    ...(placement.subnets.length ? [] : ['MEDIAFLOW_RUNNER_SUBNETS']),
  ];
  if (!cluster || !taskDefinition || missing.length) throw new RunnerDispatchNotConfigured(missing);
  return {
    cluster,
    taskDefinition,
    container: placement.container,
    subnets: placement.subnets,
    securityGroups: placement.securityGroups,
    assignPublicIp: placement.assignPublicIp,
  };
};

/** The warm floor's settings, or undefined for one RunTask per attempt (floor 0). */
const warmFloorSettings = (floor: WarmFloorPlacement, cluster: string): WarmFloorSettings | undefined => {
  if (floor.floor === 0) return undefined;
  const missing = [
    ...(floor.service ? [] : ['MEDIAFLOW_RUNNER_WARM_SERVICE']),
    ...(floor.queueUrl ? [] : ['MEDIAFLOW_RUNNER_JOBS_QUEUE_URL']),
  ];
  if (!floor.service || !floor.queueUrl) throw new RunnerDispatchNotConfigured(missing);
  return { cluster, service: floor.service, queueUrl: floor.queueUrl, floor: floor.floor, queueWaitLimitMs: floor.queueWaitSeconds * 1000 };
};

interface AwsProcessingOptions {
  /**
   * Where runners run: ECS Fargate tasks (default, production), or a child-process pool on this
   * machine with the runner in AWS mode (S3 in, S3 out) — for emulators that register ECS tasks but
   * never run them. Not configurable from the environment, so a deployment cannot switch by mistake.
   */
  readonly runnerDispatch?: 'ecs' | 'local';
}

/** The local pool's runners get this process's environment, in AWS mode, with its resource suffix. */
const localRunnerEnv = (env: NodeJS.ProcessEnv, infrastructure: InfrastructureSettings): NodeJS.ProcessEnv => ({
  ...env,
  MEDIAFLOW_MODE: 'aws',
  MEDIAFLOW_ENV: infrastructure.environment,
  AWS_REGION: infrastructure.aws.region,
  LOG_LEVEL: infrastructure.logLevel,
  ...(infrastructure.awsEndpoint && { AWS_ENDPOINT_URL: infrastructure.awsEndpoint }),
});

/** `env`: the environment of the process, handed in by the entry file. */
export const createAwsService = async (env: NodeJS.ProcessEnv, options: AwsProcessingOptions = {}): Promise<ServiceInstance> => {
  const infrastructureSettings = loadInfrastructureSettings(env);
  const settings = loadProcessingSettings(env);
  // Checked before anything is built: a task without its ECS settings stops at start, naming them.
  const ecs = options.runnerDispatch === 'local' ? undefined : ecsRunnerSettings(settings.runnerTasks);
  const warm = ecs && warmFloorSettings(settings.warmFloor, ecs.cluster);
  const infrastructure = await awsInfrastructure({ declaration: processingDeclaration, settings: infrastructureSettings });
  const ecsClient = ecs ? new ECSClient(infrastructureSettings.aws) : undefined;
  const sqsClient = warm ? new SQSClient(infrastructureSettings.aws) : undefined;
  const awsAdapters = new ContainerModule(({ bind }) => {
    bindTyped(bind, PROCESSING_TOKENS.ActiveTranscodes)
      .toDynamicValue(
        (ctx) =>
          new DynamoDbActiveTranscodes({
            client: resolve(ctx, TOKENS.DynamoDb),
            tableName: resourceNames('processing', infrastructureSettings.environment).readModel,
          }),
      )
      .inSingletonScope();
    bindTyped(bind, PROCESSING_TOKENS.RunnerDispatcher)
      .toDynamicValue((ctx) => {
        const logger = resolve(ctx, TOKENS.Logger);
        const tasks = ecs && ecsClient && new EcsRunnerDispatcher({ client: ecsClient, settings: ecs, logger: logger.createChild({ persistentKeys: { component: 'ecs-runner' } }) });
        if (tasks && warm && ecsClient && sqsClient)
          return new HybridRunnerDispatcher({
            ecs: ecsClient,
            sqs: sqsClient,
            claims: new DynamoDbWarmRunnerClaims({ client: resolve(ctx, TOKENS.DynamoDb), tableName: resourceNames('processing', infrastructureSettings.environment).readModel }),
            tasks,
            settings: warm,
            logger: logger.createChild({ persistentKeys: { component: 'hybrid-runner' } }),
          });
        return tasks
          ? tasks
          : new ChildProcessRunnerDispatcher({
              concurrency: settings.runnerConcurrency,
              env: localRunnerEnv(env, infrastructureSettings),
              logger: logger.createChild({ persistentKeys: { component: 'runner-pool' } }),
            });
      })
      .inSingletonScope();
  });
  const container = createServiceContainer(infrastructure, processingModule(settings, { env, probeNetwork: 'host' }), awsAdapters);
  return processingInstance(container, infrastructure, () => {
    ecsClient?.destroy();
    sqsClient?.destroy();
  });
};
