// What an operator chooses per environment, read once from the process environment (or the cdktf
// context for the environment name) and checked, with defaults that let `synth` run offline.
import { namePrefix } from '@mediaflow/topology';

export interface RunnerSize {
  /** Fargate CPU units (1024 = 1 vCPU). */
  readonly cpu: number;
  readonly memoryMiB: number;
  /** Scratch disk for the source and the renditions before upload (21..200 GiB on Fargate). */
  readonly ephemeralStorageGiB: number;
}

/** Where Terraform keeps each stack's state; absent: a local state file (offline synth, experiments). */
export interface StateBackendSettings {
  readonly bucket: string;
  readonly lockTable: string;
  readonly region: string;
  /** Each stack's state lives at `<keyPrefix>/<stack>.tfstate`. */
  readonly keyPrefix: string;
}

export interface InfraSettings {
  /** Suffix of every name (MEDIAFLOW_ENV); [a-z0-9-]{1,20}. */
  readonly env: string;
  readonly region: string;
  /** Origins allowed to PUT to the uploads bucket and GET from the outputs bucket from a browser. */
  readonly corsAllowedOrigins: readonly string[];
  /** Days the bus archive keeps events for replay (0 = forever). */
  readonly archiveRetentionDays: number;
  /** ACM certificate for the HTTPS listener; without it the load balancer listens on HTTP only. */
  readonly certificateArn?: string;
  /** Tag of both images in ECR; a new tag is a new task definition, which is what rolls the services. */
  readonly imageTag: string;
  readonly runner: RunnerSize;
  readonly stateBackend?: StateBackendSettings;
}

type Env = Readonly<Record<string, string | undefined>>;

const integer = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}=${raw} must be an integer from ${min} to ${max}`);
  }
  return value;
};

const list = (raw: string | undefined, fallback: readonly string[]): readonly string[] => {
  const items = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : fallback;
};

const stateBackendOf = (env: Env, envName: string, region: string): StateBackendSettings | undefined => {
  const bucket = env.MEDIAFLOW_STATE_BUCKET;
  if (!bucket) return undefined;
  return {
    bucket,
    lockTable: env.MEDIAFLOW_STATE_LOCK_TABLE || 'mediaflow-terraform-locks',
    region: env.MEDIAFLOW_STATE_REGION || region,
    keyPrefix: env.MEDIAFLOW_STATE_KEY_PREFIX || `mediaflow/${envName}`,
  };
};

/** Reads the settings. `contextEnv` is the cdktf context value `env` (cdktf.json "context"); MEDIAFLOW_ENV wins. */
export const readSettings = (env: Env, contextEnv?: string): InfraSettings => {
  const envName = env.MEDIAFLOW_ENV || contextEnv || 'dev';
  namePrefix(envName); // throws on a name AWS would refuse, before anything is built
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
  const certificateArn = env.MEDIAFLOW_CERTIFICATE_ARN || undefined;
  const stateBackend = stateBackendOf(env, envName, region);
  return {
    env: envName,
    region,
    corsAllowedOrigins: list(env.MEDIAFLOW_CORS_ORIGINS, ['http://localhost:3000']),
    archiveRetentionDays: integer(env, 'MEDIAFLOW_ARCHIVE_RETENTION_DAYS', 30, 0, 3650),
    ...(certificateArn ? { certificateArn } : {}),
    imageTag: env.MEDIAFLOW_IMAGE_TAG || 'latest',
    runner: {
      cpu: integer(env, 'MEDIAFLOW_RUNNER_CPU', 2048, 256, 16384),
      memoryMiB: integer(env, 'MEDIAFLOW_RUNNER_MEMORY_MIB', 4096, 512, 122880),
      ephemeralStorageGiB: integer(env, 'MEDIAFLOW_RUNNER_EPHEMERAL_GIB', 50, 21, 200),
    },
    ...(stateBackend ? { stateBackend } : {}),
  };
};
