// What an operator chooses per environment, read once from the process environment (or the cdktf
// context for the environment name) and checked, with defaults that let `synth` run offline.
import path from 'node:path';
import { namePrefix } from '@mediaflow/topology';
import { normalizeOrigin } from '@mediaflow/http/origin';
import { ProcessingEnvironmentSchema } from '@mediaflow/processing/settings';

export interface RunnerSize {
  /** Fargate CPU units (1024 = 1 vCPU). */
  readonly cpu: number;
  readonly memoryMiB: number;
  /** Scratch disk for the source and the renditions before upload (21..200 GiB on Fargate). */
  readonly ephemeralStorageGiB: number;
}

/**
 * The warm floor of queue-fed runners in front of RunTask (docs/dispatch.md). With a floor of 0 (the
 * default) none of it is built and the processing worker starts one runner task per attempt.
 */
export interface WarmFloorSettings {
  /** Warm runners kept while there is traffic (MEDIAFLOW_RUNNER_WARM_FLOOR, processing's own setting). */
  readonly floor: number;
  /** Minutes with no traffic after which the floor goes back to zero (MEDIAFLOW_RUNNER_WARM_WINDOW_MINUTES). */
  readonly activeWindowMinutes: number;
  /** A queued attempt no warm runner took within this long is lost (MEDIAFLOW_RUNNER_QUEUE_WAIT_SECONDS, processing's own setting). */
  readonly queueWaitSeconds: number;
}

/** Where Terraform keeps each stack's state; absent: a local state file (offline synth, experiments). */
interface StateBackendSettings {
  readonly bucket: string;
  readonly lockTable: string;
  readonly region: string;
  /** Each stack's state lives at `<keyPrefix>/<stack>.tfstate`. */
  readonly keyPrefix: string;
}

/** The web UI on S3 + CloudFront (the `web` stack). */
export interface WebSettings {
  /** The built UI (MEDIAFLOW_WEB_DIST, default web/dist): every file is uploaded but config.json, which the stack writes. */
  readonly distDir: string;
  /** Host name of the UI (MEDIAFLOW_WEB_DOMAIN); unset: the distribution's *.cloudfront.net name. */
  readonly domain?: string;
  /** ACM certificate for that host name, in us-east-1 as CloudFront requires (MEDIAFLOW_WEB_CERTIFICATE_ARN). */
  readonly certificateArn?: string;
}

export interface InfraSettings {
  /** Suffix of every name (MEDIAFLOW_ENV); [a-z0-9-]{1,20}. */
  readonly env: string;
  readonly region: string;
  /**
   * Browser origins allowed to call the api tasks (MEDIAFLOW_CORS_ORIGINS on each api), PUT to the
   * uploads bucket and GET from the outputs bucket: MEDIAFLOW_CORS_ORIGINS plus https://<MEDIAFLOW_WEB_DOMAIN>.
   */
  readonly corsAllowedOrigins: readonly string[];
  /** Days the bus archive keeps events for replay (0 = forever). */
  readonly archiveRetentionDays: number;
  /** ACM certificate for the HTTPS listener; without it the load balancer listens on HTTP only. */
  readonly certificateArn?: string;
  /** A WAF web ACL of AWS managed rule groups on the load balancer and CloudFront (MEDIAFLOW_WAF=off drops both). */
  readonly waf: boolean;
  /**
   * During a rotation of the URL-signing secret (MEDIAFLOW_URL_SIGNING_ACCEPT_PREVIOUS=on): the tasks
   * also get the secret's AWSPREVIOUS version as MEDIAFLOW_URL_SIGNING_PREVIOUS_SECRET, accepted (never
   * used to sign) so links handed out before the new value keep working until they expire.
   */
  readonly urlSigningAcceptPrevious: boolean;
  /** Tag of both images in ECR; a new tag is a new task definition, which is what rolls the services. */
  readonly imageTag: string;
  readonly runner: RunnerSize;
  /** Seconds without progress after which the worker fails an attempt; the runner heartbeats within it. */
  readonly runnerStallSeconds: number;
  readonly warmFloor: WarmFloorSettings;
  /** Public host name of the API (MEDIAFLOW_PUBLIC_DOMAIN): signed URLs use https://<it>; unset, the ALB's DNS name. */
  readonly publicDomain?: string;
  /** How the api tasks verify bearer tokens: the identity provider's JWKS (e.g. Cognito). */
  readonly auth: AuthSettings;
  readonly web: WebSettings;
  readonly stateBackend?: StateBackendSettings;
}

/** Passed to the api tasks under the variable names @mediaflow/http reads. */
export interface AuthSettings {
  readonly jwksUrl?: string;
  readonly issuer?: string;
  /** Comma-separated; the token's `aud` must contain one of them. */
  readonly audience?: string;
  /** Claim holding the roles (the service defaults to `roles`; `cognito:groups` is always read). */
  readonly adminClaim?: string;
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

// A setting processing reads too: processing's schema decides its bounds and default, so the two never disagree.
type ProcessingSetting = 'MEDIAFLOW_RUNNER_WARM_FLOOR' | 'MEDIAFLOW_RUNNER_QUEUE_WAIT_SECONDS';
const processingSetting = (env: Env, name: ProcessingSetting): number => {
  const raw = env[name]?.trim() || undefined;
  const parsed = ProcessingEnvironmentSchema.shape[name].safeParse(raw);
  if (!parsed.success) throw new Error(`${name}=${raw}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
};

const list = (raw: string | undefined, fallback: readonly string[]): readonly string[] => {
  const items = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : fallback;
};

const onOff = (env: Env, name: string, fallback: boolean): boolean => {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['on', 'true', '1'].includes(raw)) return true;
  if (['off', 'false', '0'].includes(raw)) return false;
  throw new Error(`${name}=${env[name]} must be on or off`);
};

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

const hostName = (env: Env, name: string): string | undefined => {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return undefined;
  if (!HOST_NAME.test(raw)) throw new Error(`${name}=${raw} must be a host name such as media.example.com (no scheme, port or path)`);
  return raw;
};

// Keys fetched over plain HTTP could be swapped on the way: the services refuse it, so refuse it here first.
const httpsUrl = (env: Env, name: string): string | undefined => {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:') throw new Error(`${name}=${raw} must be an https URL`);
  return raw;
};

const authOf = (env: Env): AuthSettings => {
  const jwksUrl = httpsUrl(env, 'MEDIAFLOW_JWKS_URL');
  const optional = { issuer: env.MEDIAFLOW_JWT_ISSUER, audience: env.MEDIAFLOW_JWT_AUDIENCE, adminClaim: env.MEDIAFLOW_ADMIN_CLAIM };
  const given = Object.entries(optional).filter(([, v]) => v?.trim()).map(([k, v]) => [k, v!.trim()]);
  return { ...(jwksUrl ? { jwksUrl } : {}), ...Object.fromEntries(given) };
};

// The apis refuse to start on an origin a browser could never send: refuse it here first, with their
// own check, and write it as browsers send it, which S3's CORS compares byte for byte.
const origin = (raw: string): string => {
  try {
    return normalizeOrigin(raw);
  } catch {
    throw new Error(`MEDIAFLOW_CORS_ORIGINS: ${raw} is not an origin (scheme://host[:port], no path), nor '*'`);
  }
};

const DEFAULT_WEB_DIST = path.resolve(__dirname, '..', '..', 'web', 'dist');

// CloudFront takes certificates from us-east-1 only, whatever the region of the stacks.
const CLOUDFRONT_CERTIFICATE = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[A-Za-z0-9-]+$/;

const webOf = (env: Env): WebSettings => {
  const domain = hostName(env, 'MEDIAFLOW_WEB_DOMAIN');
  const certificateArn = env.MEDIAFLOW_WEB_CERTIFICATE_ARN?.trim() || undefined;
  if (certificateArn && !CLOUDFRONT_CERTIFICATE.test(certificateArn)) {
    throw new Error(`MEDIAFLOW_WEB_CERTIFICATE_ARN=${certificateArn} must be an ACM certificate in us-east-1 (CloudFront takes no other region)`);
  }
  if (domain && !certificateArn) throw new Error(`MEDIAFLOW_WEB_DOMAIN=${domain} needs MEDIAFLOW_WEB_CERTIFICATE_ARN: CloudFront serves a custom name only with a certificate for it`);
  if (certificateArn && !domain) throw new Error('MEDIAFLOW_WEB_CERTIFICATE_ARN is set without MEDIAFLOW_WEB_DOMAIN, the name it is for');
  return {
    distDir: path.resolve(env.MEDIAFLOW_WEB_DIST?.trim() || DEFAULT_WEB_DIST),
    ...(domain ? { domain, certificateArn } : {}),
  };
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
  const publicDomain = hostName(env, 'MEDIAFLOW_PUBLIC_DOMAIN');
  const web = webOf(env);
  // The UI's own origin, when its name is known before it is deployed; a *.cloudfront.net name is
  // known only after, and goes into MEDIAFLOW_CORS_ORIGINS then (the stacks never read each other's state).
  const webOrigin = web.domain ? [`https://${web.domain}`] : [];
  return {
    env: envName,
    region,
    corsAllowedOrigins: [...new Set([...list(env.MEDIAFLOW_CORS_ORIGINS, ['http://localhost:3000']).map(origin), ...webOrigin])],
    archiveRetentionDays: integer(env, 'MEDIAFLOW_ARCHIVE_RETENTION_DAYS', 30, 0, 3650),
    ...(certificateArn ? { certificateArn } : {}),
    waf: onOff(env, 'MEDIAFLOW_WAF', true),
    urlSigningAcceptPrevious: onOff(env, 'MEDIAFLOW_URL_SIGNING_ACCEPT_PREVIOUS', false),
    imageTag: env.MEDIAFLOW_IMAGE_TAG || 'latest',
    runner: {
      cpu: integer(env, 'MEDIAFLOW_RUNNER_CPU', 2048, 256, 16384),
      memoryMiB: integer(env, 'MEDIAFLOW_RUNNER_MEMORY_MIB', 4096, 512, 122880),
      ephemeralStorageGiB: integer(env, 'MEDIAFLOW_RUNNER_EPHEMERAL_GIB', 50, 21, 200),
    },
    runnerStallSeconds: integer(env, 'MEDIAFLOW_RUNNER_STALL_SECONDS', 120, 10, 24 * 3600),
    warmFloor: {
      floor: processingSetting(env, 'MEDIAFLOW_RUNNER_WARM_FLOOR'),
      // A CloudWatch alarm evaluates at most one day of one-minute periods.
      activeWindowMinutes: integer(env, 'MEDIAFLOW_RUNNER_WARM_WINDOW_MINUTES', 15, 1, 1440),
      queueWaitSeconds: processingSetting(env, 'MEDIAFLOW_RUNNER_QUEUE_WAIT_SECONDS'),
    },
    ...(publicDomain ? { publicDomain } : {}),
    auth: authOf(env),
    web,
    ...(stateBackend ? { stateBackend } : {}),
  };
};

const isHttpsOrigin = (origin: string): boolean => origin.startsWith('https://');

/** What synth lets through but a deployment would regret; `npm run synth` prints these. */
export const settingsWarnings = (settings: InfraSettings): string[] => [
  ...(settings.imageTag === 'latest'
    ? ['MEDIAFLOW_IMAGE_TAG is unset (latest): image tags are immutable in ECR, so `latest` can be pushed once; push each build under its own tag (e.g. the git commit) and deploy with it']
    : []),
  ...(settings.waf ? [] : ['MEDIAFLOW_WAF=off: the load balancer and CloudFront have no WAF in front']),
  ...(settings.auth.jwksUrl ? [] : ['MEDIAFLOW_JWKS_URL is unset: the api tasks refuse to start without a token verifier (set it to your identity provider\'s JWKS, e.g. Cognito\'s)']),
  ...(settings.publicDomain && !settings.certificateArn
    ? [`MEDIAFLOW_PUBLIC_DOMAIN=${settings.publicDomain} makes signed URLs https://, but the load balancer has no certificate (MEDIAFLOW_CERTIFICATE_ARN): TLS must end in front of it`]
    : []),
  ...(settings.publicDomain && settings.certificateArn
    ? []
    : ['the web UI is served over https and needs the API on https under a name its certificate covers (set MEDIAFLOW_PUBLIC_DOMAIN and MEDIAFLOW_CERTIFICATE_ARN): otherwise browsers refuse its calls']),
  ...(settings.corsAllowedOrigins.some(isHttpsOrigin)
    ? []
    : ['MEDIAFLOW_CORS_ORIGINS has no https origin: after `cdktf deploy web`, add its web_url output (or set MEDIAFLOW_WEB_DOMAIN) and deploy foundation and the services again']),
];
