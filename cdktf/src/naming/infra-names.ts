// Names of the resources only the cdktf stacks create (cluster, repositories, load balancer, roles,
// alarms...). Shared names — tables, queues, rules, bus, buckets — come from @mediaflow/topology.
import { createHash } from 'node:crypto';
import type { ServiceName } from '@mediaflow/contracts';
import { archiveName, namePrefix } from '@mediaflow/topology';

/**
 * Target group names are limited to 32 characters: a longer name keeps its start and ends with a
 * hash of the whole, so it stays unique and stable (the environment is in the tags as well).
 */
const fitted = (name: string, max: number): string =>
  name.length <= max ? name : `${name.slice(0, max - 7)}-${createHash('sha256').update(name).digest('hex').slice(0, 6)}`;

export const foundationNames = (env: string) => {
  const p = namePrefix(env);
  return {
    kmsAlias: `alias/${p}`,
    cluster: p,
    repository: { services: `${p}-services`, runner: `${p}-runner` },
    // `mediaflow-` and at most 20 characters of environment: always within the 32 allowed.
    loadBalancer: p,
    loadBalancerSecurityGroup: `${p}-alb`,
    archive: archiveName(env),
    schemaRegistry: `${p}-events`,
    alarmTopic: `${p}-alarms`,
    vpc: p,
    subnet: (tier: 'public' | 'private', index: number) => `${p}-${tier}-${index}`,
    natGateway: `${p}-nat`,
    endpointsSecurityGroup: `${p}-endpoints`,
    flowLogs: `/vpc/${p}/flow-logs`,
    flowLogsRole: `${p}-flow-logs`,
    /** Access logs of the load balancer and the media buckets (S3 names are global, like theirs). */
    accessLogsBucket: `${p}-access-logs`,
    loadBalancerWebAcl: `${p}-alb`,
    /** WAF takes only log groups whose name starts with `aws-waf-logs-`. */
    loadBalancerWafLogs: `aws-waf-logs-${p}-alb`,
    urlSigningSecret: `${p}-url-signing`,
  };
};

/** The web UI's bucket and CloudFront pieces (the `web` stack). Bucket names are global, like the media buckets'. */
export const webNames = (env: string) => {
  const p = `${namePrefix(env)}-web`;
  return {
    bucket: p,
    originAccessControl: p,
    cachePolicy: p,
    responseHeadersPolicy: `${p}-headers`,
    /** CloudFront's access logs and the UI bucket's S3 access logs. */
    logsBucket: `${p}-logs`,
    webAcl: p,
    wafLogs: `aws-waf-logs-${p}`,
    wafLogsKeyAlias: `alias/${p}-waf-logs`,
  };
};

/**
 * A service's processes: its HTTP API, its bus consumer, and (processing) the ffmpeg runner task and
 * the warm runner, the same runner fed by a queue (built only with a warm floor above 0).
 */
export type ProcessKind = 'api' | 'worker' | 'runner' | 'warm-runner';

export const serviceInfraNames = (service: ServiceName, env: string) => {
  const p = `${namePrefix(env)}-${service}`;
  return {
    /** One role for the service's api and worker (same service, same rights); the runner has its own. */
    taskRole: `${p}-task`,
    runnerTaskRole: `${p}-runner-task`,
    warmRunnerTaskRole: `${p}-warm-runner-task`,
    /** The queue the warm runners take attempts from, and its dead-letter queue. */
    runnerJobsQueue: `${p}-runner-jobs`,
    runnerJobsDeadLetterQueue: `${p}-runner-jobs-dlq`,
    /** The scaling policy that takes the warm floor back to zero. */
    scalingPolicy: (what: string) => `${p}-${what}`,
    executionRole: `${p}-execution`,
    taskFamily: (process: ProcessKind) => `${p}-${process}`,
    ecsService: (process: ProcessKind) => `${p}-${process}`,
    logGroup: (process: ProcessKind) => `/ecs/${p}/${process}`,
    taskSecurityGroup: `${p}-tasks`,
    /** The runner's own group: out to S3, DynamoDB and the VPC's interface endpoints only. */
    runnerSecurityGroup: `${p}-runner-tasks`,
    targetGroup: fitted(p, 32),
    alarm: (what: string) => `${p}-${what}`,
    metricFilter: (metric: string) => `${p}-${metric}`,
    dashboard: p,
  };
};
