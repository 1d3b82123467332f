// The warm runner's entrypoint: the command of the warm-runner ECS service's container (the same
// image as the runner task). It takes attempts from the runner-jobs queue one after another
// (SqsWarmRunnerLoop) and runs each with the runner use case, reporting into processing's event store
// like a RunTask runner. Per job it builds a fresh reporter, logger and abort signal; SIGTERM (scale-in,
// StopTask of this task) aborts the job in progress and ends the loop.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { awsClientSettings, BaseEnvironmentSchema, loadConfig } from '@mediaflow/config';
import { createLogger } from '@mediaflow/logging';
import { resourceNames } from '@mediaflow/topology';
import { DynamoDbWarmRunnerClaims } from '../adapters/aws/dynamodb-warm-runner-claims';
import { SqsWarmRunnerLoop } from '../adapters/aws/sqs-warm-runner-loop';
import type { JobSpec } from '../application/job-spec';
import { mediaBinaries } from '../media/ffmpeg-binaries';
import { runnerLimitsFrom } from '../media/runner-limits-settings';
import { stallSecondsFrom } from './processing-config';
import { runOneJob } from './run-one-job';
import { eventStoreRunReporter, s3RunnerStorage } from './runner-aws-io';

const logger = createLogger('processing', { component: 'warm-runner' });

/** This task's id, from the ECS task metadata endpoint (v4); MEDIAFLOW_RUNNER_TASK_ID outside ECS. */
const ownTaskId = async (env: NodeJS.ProcessEnv): Promise<string> => {
  if (env.MEDIAFLOW_RUNNER_TASK_ID) return env.MEDIAFLOW_RUNNER_TASK_ID;
  const uri = env.ECS_CONTAINER_METADATA_URI_V4;
  if (!uri) throw new Error('no ECS_CONTAINER_METADATA_URI_V4 (not an ECS task) and no MEDIAFLOW_RUNNER_TASK_ID');
  const arn = ((await (await fetch(`${uri}/task`)).json()) as { TaskARN?: string }).TaskARN ?? '';
  return arn.slice(arn.lastIndexOf('/') + 1);
};

/** ECS task scale-in protection while a job runs, through the agent's endpoint (no-op outside ECS). */
const protect = (env: NodeJS.ProcessEnv) => async (busy: boolean): Promise<void> => {
  const agent = env.ECS_AGENT_URI;
  if (!agent) return;
  const response = await fetch(`${agent}/task-protection/v1/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(busy ? { ProtectionEnabled: true, ExpiresInMinutes: 4 * 60 } : { ProtectionEnabled: false }),
  });
  if (!response.ok) logger.warn('task protection not set', { busy, status: response.status });
};

const main = async (env: NodeJS.ProcessEnv): Promise<void> => {
  const config = loadConfig(BaseEnvironmentSchema, env);
  const queueUrl = env.MEDIAFLOW_RUNNER_JOBS_QUEUE_URL;
  if (!queueUrl) throw new Error('MEDIAFLOW_RUNNER_JOBS_QUEUE_URL is not set');
  const aws = awsClientSettings(env);
  const binaries = mediaBinaries(env);
  const storage = s3RunnerStorage(config.MEDIAFLOW_ENV, aws);
  // As the RunTask runner on AWS: ffmpeg reads a presigned S3 URL, within the runner's limits.
  const network = 'host' as const;
  const limits = runnerLimitsFrom(env);
  const runJob = async (spec: JobSpec, signal: AbortSignal): Promise<void> => {
    const log = logger.createChild({ persistentKeys: { jobId: spec.jobId, attempt: String(spec.attempt) } });
    const job = new AbortController();
    const abort = () => job.abort();
    signal.addEventListener('abort', abort, { once: true });
    const reporter = eventStoreRunReporter({ mode: 'aws', env: config.MEDIAFLOW_ENV, aws, stallSeconds: stallSecondsFrom(env), spec, logger: log, onAttemptEnded: abort });
    const outcome = await runOneJob(spec, { binaries, network, limits, storage }, reporter, log, job.signal).finally(() =>
      signal.removeEventListener('abort', abort),
    );
    if (outcome.ok)
      log.info('warm runner finished a job', { outputs: outcome.summary.manifest.length, transcodeSeconds: outcome.summary.transcodeSeconds });
    else log.error('warm runner job failed', { failure: outcome.failure, error: outcome.error as Error });
  };
  const loop = new SqsWarmRunnerLoop({
    sqs: new SQSClient(aws),
    claims: new DynamoDbWarmRunnerClaims({ client: new DynamoDBClient(aws), tableName: resourceNames('processing', config.MEDIAFLOW_ENV).readModel }),
    queueUrl,
    taskId: await ownTaskId(env),
    runJob,
    protect: protect(env),
    logger,
  });
  const stop = new AbortController();
  process.on('SIGTERM', () => stop.abort());
  process.on('SIGINT', () => stop.abort());
  logger.info('warm runner taking jobs', { queueUrl });
  await loop.run(stop.signal);
};

main(process.env).then(
  () => logger.info('warm runner stopped'),
  (error: unknown) => {
    logger.critical('warm runner crashed', { error: error as Error });
    process.exitCode = 1;
  },
);
