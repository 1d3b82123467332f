// The settings a service's infrastructure needs, per mode, validated from the environment once: the
// base (mode, resource suffix, data folder, log level), the AWS clients' settings, the consumer and
// the relay.
import {
  awsClientSettings,
  BaseEnvironmentSchema,
  intSetting,
  loadConfig,
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
  };
};
