// What each process is told beyond the basics: the public origin and the URL signing secret (ingest
// and jobs, as a Secrets Manager reference, never as a value), the JWKS settings and the CORS
// origins (every api), and where and how the processing worker starts runner tasks (the names
// processing-config.ts reads).
import { SERVICES, type ServiceName } from '@mediaflow/contracts';
import { allContainers, containersOf, type Container } from './support/containers';
import { describeReferences } from './support/references';
import { dataSources, resources, synthesizeStacks, TEST_ENV, type StackJson } from './support/synthesized-app';

const SIGNING = ['ingest', 'jobs'] as const;
const WITH_API: ServiceName[] = ['ingest', 'jobs', 'notifications'];
const AUTH = {
  MEDIAFLOW_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/.well-known/jwks.json',
  MEDIAFLOW_JWT_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
  MEDIAFLOW_JWT_AUDIENCE: 'client-a,client-b',
};

const WEB_DOMAIN = { MEDIAFLOW_WEB_DOMAIN: 'app.example.com', MEDIAFLOW_WEB_CERTIFICATE_ARN: 'arn:aws:acm:us-east-1:123456789012:certificate/web' };

const family = (service: ServiceName, kind: string) => `mediaflow-${TEST_ENV}-${service}-${kind}`;
const envOf = (stack: StackJson, container: Container): Record<string, string> =>
  Object.fromEntries(container.environment.map((v) => [v.name, describeReferences(stack, v.value)]));
const processEnv = (stack: StackJson, service: ServiceName, kind: string) => envOf(stack, containersOf(stack, family(service, kind))[0]!);

describe('process settings', () => {
  let stacks: Record<string, StackJson>;
  let withDomain: Record<string, StackJson>;
  let withWebDomain: Record<string, StackJson>;
  beforeAll(() => {
    stacks = synthesizeStacks({ ...AUTH, MEDIAFLOW_RUNNER_STALL_SECONDS: '300', MEDIAFLOW_CORS_ORIGINS: 'https://d111111abcdef8.cloudfront.net' });
    withDomain = synthesizeStacks({ MEDIAFLOW_PUBLIC_DOMAIN: 'Media.Example.com' }, SIGNING);
    withWebDomain = synthesizeStacks({ ...WEB_DOMAIN, MEDIAFLOW_CORS_ORIGINS: 'https://admin.example.com' }, ['foundation', ...WITH_API]);
  });

  it.each([
    [undefined, '30'],
    ['7', '30'],
    ['400', '400'],
    ['0', '0'],
  ])('with MEDIAFLOW_ARCHIVE_RETENTION_DAYS=%s every service process keeps its inbox %s days (0 = forever): a replay from the archive is never handled twice', (archive, inbox) => {
    const synthesized = archive === undefined ? stacks : synthesizeStacks({ MEDIAFLOW_ARCHIVE_RETENTION_DAYS: archive }, SERVICES);
    for (const service of SERVICES) {
      // The service's own processes (api, worker) consume and dedupe; runners and warm runners do not.
      const processes = allContainers(synthesized[service]!).filter(({ family: f }) => f.endsWith('-api') || f.endsWith('-worker'));
      expect(processes.length).toBeGreaterThan(0);
      for (const { container } of processes) expect(envOf(synthesized[service]!, container).MEDIAFLOW_INBOX_RETENTION_DAYS).toBe(inbox);
    }
  });

  it.each(SIGNING)('%s: api and worker get the public origin, the ALB DNS name by default, https://<domain> with one', (service) => {
    for (const kind of ['api', 'worker']) {
      expect(processEnv(stacks[service]!, service, kind).MEDIAFLOW_PUBLIC_URL).toBe(`http://<ssm /mediaflow/${TEST_ENV}/alb/dns-name>`);
      expect(processEnv(withDomain[service]!, service, kind).MEDIAFLOW_PUBLIC_URL).toBe('https://media.example.com');
    }
  });

  it.each(SIGNING)("%s: api and worker get the signing secret as an ECS secret from the foundation's secret", (service) => {
    for (const kind of ['api', 'worker']) {
      const [container] = containersOf(stacks[service]!, family(service, kind));
      const secrets = (container!.secrets ?? []).map((s) => ({ name: s.name, valueFrom: describeReferences(stacks[service]!, s.valueFrom) }));
      expect(secrets).toEqual([{ name: 'MEDIAFLOW_URL_SIGNING_SECRET', valueFrom: `<ssm /mediaflow/${TEST_ENV}/secrets/url-signing/arn>` }]);
    }
  });

  it.each(SIGNING)(
    '%s: during a rotation (MEDIAFLOW_URL_SIGNING_ACCEPT_PREVIOUS=on) also gets the secret\'s AWSPREVIOUS version, and the execution role still reads that one secret',
    (service) => {
      const rotating = synthesizeStacks({ MEDIAFLOW_URL_SIGNING_ACCEPT_PREVIOUS: 'on' }, [service])[service]!;
      const arn = `<ssm /mediaflow/${TEST_ENV}/secrets/url-signing/arn>`;
      for (const kind of ['api', 'worker']) {
        const [container] = containersOf(rotating, family(service, kind));
        const secrets = (container!.secrets ?? []).map((s) => ({ name: s.name, valueFrom: describeReferences(rotating, s.valueFrom) }));
        expect(Object.fromEntries(secrets.map((x) => [x.name, x.valueFrom]))).toEqual({
          MEDIAFLOW_URL_SIGNING_SECRET: arn,
          MEDIAFLOW_URL_SIGNING_PREVIOUS_SECRET: `${arn}::AWSPREVIOUS:`,
        });
      }
      // The version selector is ECS's, not part of the ARN: the execution role reads the one secret.
      const documents = JSON.stringify(dataSources(rotating, 'aws_iam_policy_document'));
      expect(documents).toContain('secretsmanager:GetSecretValue');
      expect(documents).not.toContain('AWSPREVIOUS');
    },
  );

  it('never puts a secret in plain env, and gives the signing secret to no other service', () => {
    for (const service of SERVICES) {
      for (const { family: f, container } of allContainers(stacks[service]!)) {
        const names = container.environment.map((v) => v.name);
        expect({ f, plain: names.filter((n) => /SECRET/.test(n)) }).toEqual({ f, plain: [] });
        const signs = (SIGNING as readonly string[]).includes(service) && !f.endsWith('-runner');
        expect({ f, secrets: container.secrets ?? [] }).toEqual({ f, secrets: signs ? [expect.objectContaining({ name: 'MEDIAFLOW_URL_SIGNING_SECRET' })] : [] });
        expect(names.includes('MEDIAFLOW_PUBLIC_URL')).toBe(signs);
      }
    }
  });

  it.each(WITH_API)('%s: the api (and only the api) verifies tokens with the configured JWKS, issuer and audience', (service) => {
    expect(processEnv(stacks[service]!, service, 'api')).toMatchObject(AUTH);
    expect(Object.keys(processEnv(stacks[service]!, service, 'worker'))).not.toContain('MEDIAFLOW_JWKS_URL');
    expect(processEnv(withDomain.jobs!, 'jobs', 'api')).not.toHaveProperty('MEDIAFLOW_JWT_ISSUER');
  });

  it.each(WITH_API)('%s: the api (and only the api) allows the browser origins of MEDIAFLOW_CORS_ORIGINS', (service) => {
    expect(processEnv(stacks[service]!, service, 'api').MEDIAFLOW_CORS_ORIGINS).toBe('https://d111111abcdef8.cloudfront.net');
    expect(Object.keys(processEnv(stacks[service]!, service, 'worker'))).not.toContain('MEDIAFLOW_CORS_ORIGINS');
    // With MEDIAFLOW_WEB_DOMAIN the UI's own origin is added, for the api and the media buckets alike.
    expect(processEnv(withWebDomain[service]!, service, 'api').MEDIAFLOW_CORS_ORIGINS).toBe('https://admin.example.com,https://app.example.com');
  });

  it('lets the same origins reach the media buckets from a browser', () => {
    const origins = resources(withWebDomain.foundation!, 'aws_s3_bucket_cors_configuration').map((c) => (c.cors_rule as { allowed_origins: string[] }[])[0]!.allowed_origins);
    expect(origins).toEqual([
      ['https://admin.example.com', 'https://app.example.com'],
      ['https://admin.example.com', 'https://app.example.com'],
    ]);
  });

  it('tells the processing worker which runner task to start, where, with which container and stall time', () => {
    const env = processEnv(stacks.processing!, 'processing', 'worker');
    expect(env).toMatchObject({
      MEDIAFLOW_RUNNER_TASK_DEFINITION: `<aws_ecs_task_definition ${family('processing', 'runner')}>.arn`,
      MEDIAFLOW_RUNNER_CLUSTER: `<ssm /mediaflow/${TEST_ENV}/ecs/cluster-arn>`,
      MEDIAFLOW_RUNNER_SUBNETS: `<ssm /mediaflow/${TEST_ENV}/network/private-subnet-ids>`,
      MEDIAFLOW_RUNNER_SECURITY_GROUPS: `<aws_security_group ${family('processing', 'runner-tasks')}>.id`,
      MEDIAFLOW_RUNNER_CONTAINER: 'runner',
      MEDIAFLOW_RUNNER_ASSIGN_PUBLIC_IP: 'false',
      MEDIAFLOW_RUNNER_STALL_SECONDS: '300',
    });
    const [runner] = containersOf(stacks.processing!, family('processing', 'runner'));
    expect(runner!.name).toBe(env.MEDIAFLOW_RUNNER_CONTAINER);
    // The runner heartbeats within the stall time the worker's watchdog applies.
    expect(envOf(stacks.processing!, runner!).MEDIAFLOW_RUNNER_STALL_SECONDS).toBe('300');
  });
});
