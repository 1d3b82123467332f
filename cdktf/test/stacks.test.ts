// The app as a whole: every stack synthesizes, every name carries the environment, the service and
// web stacks reach the foundation only through the parameters it writes, and the state backend follows
// the environment variables.
import { SERVICES } from '@mediaflow/contracts';
import { bucketNames, busName } from '@mediaflow/topology';
import { foundationNames, serviceInfraNames } from '../src/naming/infra-names';
import { readSettings, settingsWarnings } from '../src/settings';
import { dataSources, synthesizeStacks, TEST_ENV, type StackJson } from './support/synthesized-app';

/** Fields that hold a resource's name, by resource type where it is not `name`. */
const NAME_FIELDS = ['name', 'family', 'bucket', 'alarm_name', 'dashboard_name'];

/** Types whose names live inside an environment-named parent: a schema is scoped by its registry (`mediaflow-<env>-events`). */
const SCOPED_BY_PARENT = new Set(['aws_schemas_schema']);

/** Literal names (no Terraform reference in them) of every resource of a stack. */
const literalNames = (stack: StackJson): string[] =>
  Object.entries(stack.resource ?? {})
    .filter(([type]) => !SCOPED_BY_PARENT.has(type))
    .map(([, byId]) => byId)
    .flatMap((byId) =>
    Object.values(byId).flatMap((body) => NAME_FIELDS.map((f) => body[f]).filter((v): v is string => typeof v === 'string' && !v.includes('${'))),
  );

describe('the cdktf app', () => {
  let stacks: Record<string, StackJson>;
  beforeAll(() => {
    stacks = synthesizeStacks();
  });

  it('synthesizes the foundation, one stack per service and the web UI', () => {
    expect(Object.keys(stacks).sort()).toEqual(['foundation', ...SERVICES, 'web'].sort());
    for (const stack of Object.values(stacks)) expect(Object.keys(stack.resource ?? {}).length).toBeGreaterThan(0);
  });

  it('puts the environment in every resource name (MEDIAFLOW_ENV=test)', () => {
    for (const [stackName, stack] of Object.entries(stacks)) {
      const names = literalNames(stack);
      expect(names.length).toBeGreaterThan(0);
      const unsuffixed = names.filter((n) => !/(^|[/-])mediaflow-test(-|\/|$)|^\/mediaflow\/test\//.test(n));
      expect({ stackName, unsuffixed }).toEqual({ stackName, unsuffixed: [] });
    }
  });

  it('reads the foundation in service and web stacks only through parameters the foundation writes', () => {
    const written = new Set(Object.values(stacks.foundation!.resource!.aws_ssm_parameter!).map((p) => p.name));
    for (const service of [...SERVICES, 'web']) {
      const read = dataSources(stacks[service]!, 'aws_ssm_parameter').map((p) => p.name);
      expect(read.length).toBeGreaterThan(0);
      expect(read.filter((name) => !written.has(name))).toEqual([]);
      // No foundation name is spelled out in a service stack.
      const text = JSON.stringify(stacks[service]);
      for (const name of [bucketNames(TEST_ENV).uploads, bucketNames(TEST_ENV).outputs, `"${busName(TEST_ENV)}"`]) {
        expect(text).not.toContain(name);
      }
    }
  });

  it('keeps state in local files when no state bucket is configured', () => {
    for (const [name, stack] of Object.entries(stacks)) {
      expect(stack.terraform.backend).toEqual({ local: { path: expect.stringMatching(new RegExp(`terraform\\.${TEST_ENV}\\.${name}\\.tfstate$`)) } });
    }
  });

  it('keeps state in S3 with a DynamoDB lock, one key per stack, when MEDIAFLOW_STATE_BUCKET is set', () => {
    const remote = synthesizeStacks({ MEDIAFLOW_STATE_BUCKET: 'acme-terraform-state', MEDIAFLOW_STATE_LOCK_TABLE: 'acme-locks', MEDIAFLOW_STATE_REGION: 'eu-central-1' });
    for (const [name, stack] of Object.entries(remote)) {
      expect(stack.terraform.backend).toEqual({
        s3: { bucket: 'acme-terraform-state', key: `mediaflow/${TEST_ENV}/${name}.tfstate`, region: 'eu-central-1', dynamodb_table: 'acme-locks', encrypt: true },
      });
    }
  });
});

describe('settings', () => {
  it('default to the dev environment and a 2 vCPU / 4 GiB / 50 GiB runner', () => {
    expect(readSettings({})).toMatchObject({ env: 'dev', runner: { cpu: 2048, memoryMiB: 4096, ephemeralStorageGiB: 50 } });
  });

  it('take the environment from the cdktf context when MEDIAFLOW_ENV is unset', () => {
    expect(readSettings({}, 'staging').env).toBe('staging');
    expect(readSettings({ MEDIAFLOW_ENV: 'prod' }, 'staging').env).toBe('prod');
  });

  it('refuse an environment name AWS would refuse, and out-of-range sizes', () => {
    expect(() => readSettings({ MEDIAFLOW_ENV: 'Prod_1' })).toThrow(/must match/);
    expect(() => readSettings({ MEDIAFLOW_RUNNER_EPHEMERAL_GIB: '500' })).toThrow(/MEDIAFLOW_RUNNER_EPHEMERAL_GIB/);
  });

  it('take a JWKS over https only, a bare public host name, and a runner stall time (120 s by default)', () => {
    expect(readSettings({}).runnerStallSeconds).toBe(120);
    expect(() => readSettings({ MEDIAFLOW_JWKS_URL: 'http://idp.example.com/jwks.json' })).toThrow(/MEDIAFLOW_JWKS_URL/);
    expect(() => readSettings({ MEDIAFLOW_PUBLIC_DOMAIN: 'https://media.example.com' })).toThrow(/MEDIAFLOW_PUBLIC_DOMAIN/);
    const settings = readSettings({ MEDIAFLOW_JWKS_URL: 'https://idp.example.com/jwks.json', MEDIAFLOW_JWT_AUDIENCE: ' app ', MEDIAFLOW_PUBLIC_DOMAIN: 'Media.Example.com' });
    expect(settings).toMatchObject({ publicDomain: 'media.example.com', auth: { jwksUrl: 'https://idp.example.com/jwks.json', audience: 'app' } });
  });

  it('warn at synth when the api tasks could not start (no JWKS), https has no certificate behind it, or the web UI could not call the API', () => {
    expect(settingsWarnings(readSettings({}))).toEqual([
      expect.stringMatching(/MEDIAFLOW_IMAGE_TAG is unset .* immutable/),
      expect.stringMatching(/MEDIAFLOW_JWKS_URL/),
      expect.stringMatching(/web UI .* MEDIAFLOW_PUBLIC_DOMAIN and MEDIAFLOW_CERTIFICATE_ARN/),
      expect.stringMatching(/MEDIAFLOW_CORS_ORIGINS has no https origin/),
    ]);
    const domainOnly = readSettings({ MEDIAFLOW_IMAGE_TAG: '3f9c2e1', MEDIAFLOW_JWKS_URL: 'https://idp.example.com/jwks.json', MEDIAFLOW_PUBLIC_DOMAIN: 'media.example.com', MEDIAFLOW_CORS_ORIGINS: 'https://app.example.com' });
    expect(settingsWarnings(domainOnly)).toEqual([expect.stringMatching(/no certificate \(MEDIAFLOW_CERTIFICATE_ARN\)/), expect.stringMatching(/web UI/)]);
    expect(settingsWarnings({ ...domainOnly, certificateArn: 'arn:aws:acm:eu-west-1:1:certificate/x' })).toEqual([]);
  });

  it('take CORS origins as browsers send them, adding the web UI when MEDIAFLOW_WEB_DOMAIN names it (with a us-east-1 certificate)', () => {
    expect(readSettings({}).corsAllowedOrigins).toEqual(['http://localhost:3000']);
    const web = { MEDIAFLOW_WEB_DOMAIN: 'App.Example.com', MEDIAFLOW_WEB_CERTIFICATE_ARN: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' };
    expect(readSettings(web)).toMatchObject({ corsAllowedOrigins: ['http://localhost:3000', 'https://app.example.com'], web: { domain: 'app.example.com' } });
    expect(readSettings({ ...web, MEDIAFLOW_CORS_ORIGINS: 'https://app.example.com' }).corsAllowedOrigins).toEqual(['https://app.example.com']);
    expect(readSettings({ MEDIAFLOW_CORS_ORIGINS: 'https://App.Example.com/, http://localhost:3000' }).corsAllowedOrigins).toEqual(['https://app.example.com', 'http://localhost:3000']);
    expect(() => readSettings({ MEDIAFLOW_CORS_ORIGINS: 'app.example.com' })).toThrow(/MEDIAFLOW_CORS_ORIGINS: app\.example\.com is not an origin/);
    expect(() => readSettings({ MEDIAFLOW_WEB_DOMAIN: 'app.example.com' })).toThrow(/MEDIAFLOW_WEB_CERTIFICATE_ARN/);
    expect(() => readSettings({ ...web, MEDIAFLOW_WEB_CERTIFICATE_ARN: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' })).toThrow(/us-east-1/);
    expect(() => readSettings({ MEDIAFLOW_WEB_CERTIFICATE_ARN: web.MEDIAFLOW_WEB_CERTIFICATE_ARN })).toThrow(/MEDIAFLOW_WEB_DOMAIN/);
  });
});

describe('names AWS limits in length', () => {
  it('fit a long target group name into 32 characters, stable and distinct per service', () => {
    const long = serviceInfraNames('notifications', 'production').targetGroup;
    expect(long).toHaveLength(32);
    expect(long).toMatch(/^mediaflow-production-noti-[0-9a-f]{6}$/);
    expect(serviceInfraNames('notifications', 'production').targetGroup).toBe(long);
    expect(serviceInfraNames('processing', 'production').targetGroup).not.toBe(long);
    expect(serviceInfraNames('jobs', 'prod').targetGroup).toBe('mediaflow-prod-jobs');
    expect(foundationNames('abcdefghijklmnopqrst').loadBalancer.length).toBeLessThanOrEqual(32);
  });
});
