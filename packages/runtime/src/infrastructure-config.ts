// The settings a service's infrastructure needs, per mode, validated from the environment once: the
// base (mode, resource suffix, data folder, log level), the AWS clients' settings, the consumer, the
// relay and (embedded) the retention of the bus log, outboxes and inboxes.
import {
  awsClientSettings,
  BaseEnvironmentSchema,
  intSetting,
  loadConfig,
  secondsSetting,
  type AwsClientSettings,
  type DeploymentMode,
  type LogLevel,
} from '@mediaflow/config';

export const InfrastructureEnvironmentSchema = BaseEnvironmentSchema.extend({
  MEDIAFLOW_CONSUMER_CONCURRENCY: intSetting({ min: 1, max: 64, default: 4 }, 'Concurrent handlers per service consumer'),
  MEDIAFLOW_RELAY_INTERVAL_MS: intSetting(
    { min: 10, max: 60_000, default: 200 },
    'How often the outbox relay polls when idle, in milliseconds (it is also woken after each append in-process)',
  ),
  MEDIAFLOW_RETENTION_SECONDS: secondsSetting(
    { min: 1, max: 365 * 86400, default: 7 * 86400 },
    'Embedded: how long the bus log keeps delivered events (how far back `mediaflow events replay` reaches) and the event stores keep published outbox rows; ' +
      'an inbox entry stays while the bus log still holds any event as old, so a redelivery or replay is always recognised. ' +
      'Undelivered events, unpublished rows and dead letters are never pruned. AWS: see MEDIAFLOW_INBOX_RETENTION_DAYS',
  ),
  MEDIAFLOW_INBOX_RETENTION_DAYS: intSetting(
    { min: 0, max: 36_500, default: 30 },
    'AWS: days an inbox item (the record that an event was handled) is kept before DynamoDB TTL may delete it; 0 = forever. ' +
      'At least as long as the bus archive keeps events, so a replay is recognised as already handled (cdktf sets it from MEDIAFLOW_ARCHIVE_RETENTION_DAYS)',
  ),
  MEDIAFLOW_PRUNE_INTERVAL_SECONDS: secondsSetting(
    { min: 1, max: 86400, default: 300 },
    'Embedded: how often the bus log, outboxes and inboxes are pruned (in batches of 200 rows)',
  ),
});

export interface InfrastructureSettings {
  readonly mode: DeploymentMode;
  /** MEDIAFLOW_ENV: the suffix of every AWS resource name. */
  readonly environment: string;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  readonly awsEndpoint?: string;
  /** Every AWS client of the process is built from these (region, emulator endpoint, credentials). */
  readonly aws: AwsClientSettings;
  readonly consumerConcurrency: number;
  readonly relayIntervalMs: number;
  /** Embedded: MEDIAFLOW_RETENTION_SECONDS, in milliseconds. */
  readonly retentionMs: number;
  readonly pruneIntervalMs: number;
  /** AWS: MEDIAFLOW_INBOX_RETENTION_DAYS (0 = forever). */
  readonly inboxRetentionDays: number;
}

export const loadInfrastructureSettings = (env: NodeJS.ProcessEnv): InfrastructureSettings => {
  const c = loadConfig(InfrastructureEnvironmentSchema, env);
  return {
    mode: c.MEDIAFLOW_MODE,
    environment: c.MEDIAFLOW_ENV,
    dataDir: c.MEDIAFLOW_DATA_DIR,
    logLevel: c.LOG_LEVEL,
    ...(c.AWS_ENDPOINT_URL !== undefined && { awsEndpoint: c.AWS_ENDPOINT_URL }),
    aws: awsClientSettings(env),
    consumerConcurrency: c.MEDIAFLOW_CONSUMER_CONCURRENCY,
    relayIntervalMs: c.MEDIAFLOW_RELAY_INTERVAL_MS,
    retentionMs: c.MEDIAFLOW_RETENTION_SECONDS * 1000,
    pruneIntervalMs: c.MEDIAFLOW_PRUNE_INTERVAL_SECONDS * 1000,
    inboxRetentionDays: c.MEDIAFLOW_INBOX_RETENTION_DAYS,
  };
};
