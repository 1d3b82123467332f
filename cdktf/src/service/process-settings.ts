// What each process is told beyond the basics of task-environment.ts: the public origin and the URL
// signing secret (services that sign or check /blobs URLs, api and worker), the token verifier and
// the browser origins allowed by CORS (every api), and where and how to start runner tasks (the processing worker; the stall time is
// shared with the runner, which heartbeats within it).
import type { ProcessingEnvironmentSchema } from '@mediaflow/processing/settings';
import type { InfrastructureEnvironmentSchema } from '@mediaflow/runtime';
import type { AuthSettings, InfraSettings } from '../settings';
import type { ContainerSecret } from './task-definition';

const URL_SIGNING_SECRET_VARIABLE = 'MEDIAFLOW_URL_SIGNING_SECRET';
const URL_SIGNING_PREVIOUS_VARIABLE = 'MEDIAFLOW_URL_SIGNING_PREVIOUS_SECRET';
/** ECS reads a secret's version by staging label with `<arn>:<json-key>:<version-stage>:<version-id>`. */
const PREVIOUS_VERSION_SUFFIX = '::AWSPREVIOUS:';

/** The secret's ARN a container secret reads (for the execution role's policy), without a version selector. */
export const secretArnOf = (valueFrom: string): string =>
  valueFrom.endsWith(PREVIOUS_VERSION_SUFFIX) ? valueFrom.slice(0, -PREVIOUS_VERSION_SUFFIX.length) : valueFrom;

/** https://<MEDIAFLOW_PUBLIC_DOMAIN>, else the load balancer's own DNS name (https with a certificate). */
export const publicUrl = (settings: InfraSettings, loadBalancerDnsName: string): string =>
  settings.publicDomain ? `https://${settings.publicDomain}` : `${settings.certificateArn ? 'https' : 'http'}://${loadBalancerDnsName}`;

/** The variable names @mediaflow/http's loadAuthConfig reads; unset ones are left out. */
export const authVariables = (auth: AuthSettings): Record<string, string> => {
  const vars: Record<string, string> = {};
  if (auth.jwksUrl) vars.MEDIAFLOW_JWKS_URL = auth.jwksUrl;
  if (auth.issuer) vars.MEDIAFLOW_JWT_ISSUER = auth.issuer;
  if (auth.audience) vars.MEDIAFLOW_JWT_AUDIENCE = auth.audience;
  if (auth.adminClaim) vars.MEDIAFLOW_ADMIN_CLAIM = auth.adminClaim;
  return vars;
};

/** The variable packages/runtime's api process reads: the origins a browser may call the api from (the web UI's). */
export const corsVariables = (origins: readonly string[]): Record<string, string> =>
  origins.length > 0 ? { MEDIAFLOW_CORS_ORIGINS: origins.join(',') } : {};

/** The names services/processing/src/main/processing-config.ts reads. */
interface RunnerDispatchSettings {
  readonly clusterArn: string;
  readonly taskDefinitionArn: string;
  readonly containerName: string;
  /** Comma-separated, as the StringList parameter holds them. */
  readonly subnetIds: string;
  readonly securityGroupId: string;
  readonly stallSeconds: number;
}

/**
 * Every service's inbox keeps what it handled at least as long as the bus archive keeps events (0 =
 * forever, as the archive then does), and never less than the runtime's 30 days: a replay from the
 * archive is then always recognised as already handled.
 */
export const inboxRetentionVariables = (archiveRetentionDays: number): Record<string, string> => ({
  MEDIAFLOW_INBOX_RETENTION_DAYS: String(archiveRetentionDays === 0 ? 0 : Math.max(30, archiveRetentionDays)),
}) satisfies Partial<Record<keyof typeof InfrastructureEnvironmentSchema.shape, string>>;

export const stallVariable = (stallSeconds: number): Record<string, string> => ({ MEDIAFLOW_RUNNER_STALL_SECONDS: String(stallSeconds) });

export const runnerDispatchVariables = (d: RunnerDispatchSettings): Record<string, string> => ({
  MEDIAFLOW_RUNNER_CLUSTER: d.clusterArn,
  MEDIAFLOW_RUNNER_TASK_DEFINITION: d.taskDefinitionArn,
  MEDIAFLOW_RUNNER_CONTAINER: d.containerName,
  MEDIAFLOW_RUNNER_SUBNETS: d.subnetIds,
  MEDIAFLOW_RUNNER_SECURITY_GROUPS: d.securityGroupId,
  // Private subnets with a NAT gateway: a public address would only widen the attack surface.
  MEDIAFLOW_RUNNER_ASSIGN_PUBLIC_IP: 'false',
  ...stallVariable(d.stallSeconds),
});

/** Variables of processing's settings schema: a name it does not declare fails the type-check. */
type ProcessingVariables = Partial<Record<keyof typeof ProcessingEnvironmentSchema.shape, string>>;

/** What the processing worker's HybridRunnerDispatcher reads (main/warm-floor-settings.ts), with a floor above 0. */
export const warmFloorVariables = (w: { floor: number; service: string; queueUrl: string; queueWaitSeconds: number }): Record<string, string> => ({
  MEDIAFLOW_RUNNER_WARM_FLOOR: String(w.floor),
  MEDIAFLOW_RUNNER_WARM_SERVICE: w.service,
  MEDIAFLOW_RUNNER_JOBS_QUEUE_URL: w.queueUrl,
  MEDIAFLOW_RUNNER_QUEUE_WAIT_SECONDS: String(w.queueWaitSeconds),
}) satisfies ProcessingVariables;

/** The warm runner (main/warm-runner.ts): the runner's variables plus the queue it takes attempts from. */
export const warmRunnerVariables = (queueUrl: string): Record<string, string> => ({ MEDIAFLOW_RUNNER_JOBS_QUEUE_URL: queueUrl }) satisfies ProcessingVariables;

export interface ProcessExtras {
  readonly environment: Record<string, string>;
  readonly secrets: ContainerSecret[];
}

/** The public origin and the signing secret, for a service that signs or checks /blobs URLs. */
export const signedUrlExtras = (settings: InfraSettings, loadBalancerDnsName: string, secretArn: string): ProcessExtras => ({
  environment: { MEDIAFLOW_PUBLIC_URL: publicUrl(settings, loadBalancerDnsName) },
  secrets: [
    { name: URL_SIGNING_SECRET_VARIABLE, valueFrom: secretArn },
    // Rotation: `put-secret-value` makes the old value AWSPREVIOUS; with this on, tasks accept both.
    ...(settings.urlSigningAcceptPrevious ? [{ name: URL_SIGNING_PREVIOUS_VARIABLE, valueFrom: `${secretArn}${PREVIOUS_VERSION_SUFFIX}` }] : []),
  ],
});

export const NO_EXTRAS: ProcessExtras = { environment: {}, secrets: [] };

export const mergeExtras = (...parts: ProcessExtras[]): ProcessExtras => ({
  environment: Object.assign({}, ...parts.map((p) => p.environment)) as Record<string, string>,
  secrets: parts.flatMap((p) => p.secrets),
});
