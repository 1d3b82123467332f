// The foundation stack: encrypted, private buckets with their lifecycles, the bus and its archive,
// the network, the load balancer's listener, the cluster and repositories, all published to SSM.
import { bucketNames, busName } from '@mediaflow/topology';
import { foundationParameterNames } from '../src/naming/parameter-names';
import { describeReferences, referencedResource } from './support/references';
import { dataSources, only, resources, synthesizeStacks, TEST_ENV, type Found, type StackJson } from './support/synthesized-app';

const CERTIFICATE = 'arn:aws:acm:eu-west-1:123456789012:certificate/abc';

describe('foundation stack', () => {
  let foundation: StackJson;
  let withCertificate: StackJson;
  beforeAll(() => {
    foundation = synthesizeStacks({ MEDIAFLOW_ARCHIVE_RETENTION_DAYS: '90', MEDIAFLOW_CORS_ORIGINS: 'https://app.example.com, https://admin.example.com' }).foundation!;
    withCertificate = synthesizeStacks({ MEDIAFLOW_CERTIFICATE_ARN: CERTIFICATE }, ['foundation']).foundation!;
  });
  /** The resources of `type` that configure the bucket named `name`. */
  const ofBucket = (type: string, name: string): Found[] =>
    resources(foundation, type).filter((r) => referencedResource(foundation, r.bucket)?.bucket === name);

  it('has exactly the uploads and outputs buckets, named by topology, and the access-logs bucket', () => {
    const names = bucketNames(TEST_ENV);
    expect(resources(foundation, 'aws_s3_bucket').map((b) => b.bucket).sort()).toEqual([`mediaflow-${TEST_ENV}-access-logs`, names.outputs, names.uploads]);
  });

  it.each(['uploads', 'outputs'] as const)('%s: SSE-KMS with the environment key, and all four public-access blocks', (key) => {
    const name = bucketNames(TEST_ENV)[key];
    const [rule] = only(ofBucket('aws_s3_bucket_server_side_encryption_configuration', name), 'encryption').rule as {
      apply_server_side_encryption_by_default: { sse_algorithm: string; kms_master_key_id: string };
    }[];
    expect(rule!.apply_server_side_encryption_by_default.sse_algorithm).toBe('aws:kms');
    expect(referencedResource(foundation, rule!.apply_server_side_encryption_by_default.kms_master_key_id)).toHaveProperty('enable_key_rotation', true);
    expect(only(ofBucket('aws_s3_bucket_public_access_block', name), 'public access block')).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it('versions the sources, aborts stale multipart uploads after a day, and cools sources down', () => {
    const names = bucketNames(TEST_ENV);
    expect(only(ofBucket('aws_s3_bucket_versioning', names.uploads), 'versioning').versioning_configuration).toEqual({ status: 'Enabled' });
    for (const name of [names.uploads, names.outputs]) {
      const rules = only(ofBucket('aws_s3_bucket_lifecycle_configuration', name), 'lifecycle').rule as Record<string, unknown>[];
      expect(rules).toContainEqual(expect.objectContaining({ abort_incomplete_multipart_upload: [{ days_after_initiation: 1 }] }));
    }
    const sourceRules = only(ofBucket('aws_s3_bucket_lifecycle_configuration', names.uploads), 'lifecycle').rule as { transition?: { storage_class: string; days: number }[] }[];
    const classes = sourceRules.flatMap((r) => r.transition ?? []).map((t) => `${t.storage_class}@${t.days}`);
    expect(classes).toEqual(['STANDARD_IA@30', 'GLACIER_IR@90', 'DEEP_ARCHIVE@365']);
  });

  it('lets the configured origins PUT to uploads from a browser and read the ETag', () => {
    const [rule] = only(ofBucket('aws_s3_bucket_cors_configuration', bucketNames(TEST_ENV).uploads), 'cors').cors_rule as Record<string, string[]>[];
    expect(rule).toMatchObject({ allowed_methods: ['PUT'], allowed_origins: ['https://app.example.com', 'https://admin.example.com'], expose_headers: ['ETag'] });
  });

  it('has the bus, and an archive of it with the configured retention', () => {
    const bus = only(resources(foundation, 'aws_cloudwatch_event_bus'), 'bus');
    expect(bus.name).toBe(busName(TEST_ENV));
    const archive = only(resources(foundation, 'aws_cloudwatch_event_archive'), 'archive');
    expect(archive.retention_days).toBe(90);
    expect(referencedResource(foundation, archive.event_source_arn)).toBe(foundation.resource!.aws_cloudwatch_event_bus![bus.logicalId]);
  });

  it('has two public and two private subnets, a NAT gateway, S3/DynamoDB gateway endpoints and ECR/Logs interface endpoints', () => {
    const tiers = resources(foundation, 'aws_subnet').map((s) => (s.tags as { tier: string }).tier).sort();
    expect(tiers).toEqual(['private', 'private', 'public', 'public']);
    expect(resources(foundation, 'aws_nat_gateway')).toHaveLength(1);
    const endpoints = resources(foundation, 'aws_vpc_endpoint').map((e) => `${String(e.vpc_endpoint_type)} ${String(e.service_name)}`);
    expect(endpoints.sort()).toEqual([
      'Gateway com.amazonaws.eu-west-1.dynamodb',
      'Gateway com.amazonaws.eu-west-1.s3',
      'Interface com.amazonaws.eu-west-1.ecr.api',
      'Interface com.amazonaws.eu-west-1.ecr.dkr',
      'Interface com.amazonaws.eu-west-1.logs',
    ]);
  });

  it('runs the cluster with Container Insights and scans every pushed image', () => {
    expect(only(resources(foundation, 'aws_ecs_cluster'), 'cluster').setting).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
    const repositories = resources(foundation, 'aws_ecr_repository');
    expect(repositories.map((r) => r.name).sort()).toEqual([`mediaflow-${TEST_ENV}-runner`, `mediaflow-${TEST_ENV}-services`]);
    for (const r of repositories) expect(r.image_scanning_configuration).toEqual({ scan_on_push: true });
    expect(resources(foundation, 'aws_ecr_lifecycle_policy')).toHaveLength(2);
  });

  it('listens on HTTP without a certificate, on HTTPS (and redirects HTTP) with one', () => {
    expect(resources(foundation, 'aws_lb_listener').map((l) => `${String(l.protocol)}:${String(l.port)}`)).toEqual(['HTTP:80']);
    const listeners = resources(withCertificate, 'aws_lb_listener');
    expect(listeners.map((l) => `${String(l.protocol)}:${String(l.port)}`).sort()).toEqual(['HTTP:80', 'HTTPS:443']);
    const https = only(listeners.filter((l) => l.protocol === 'HTTPS'), 'https listener');
    expect(https.certificate_arn).toBe(CERTIFICATE);
    const published = only(resources(withCertificate, 'aws_ssm_parameter').filter((p) => p.name === foundationParameterNames(TEST_ENV).listenerArn), 'listener parameter');
    expect(referencedResource(withCertificate, published.value)).toBe(withCertificate.resource!.aws_lb_listener![https.logicalId]);
  });

  it('keeps the URL signing secret in Secrets Manager, encrypted with the key, generated once and published by ARN', () => {
    const secret = only(resources(foundation, 'aws_secretsmanager_secret'), 'secret');
    expect(secret.name).toBe(`mediaflow-${TEST_ENV}-url-signing`);
    expect(referencedResource(foundation, secret.kms_key_id)).toHaveProperty('enable_key_rotation', true);
    const version = only(resources(foundation, 'aws_secretsmanager_secret_version'), 'secret version');
    expect(referencedResource(foundation, version.secret_id)).toBe(foundation.resource!.aws_secretsmanager_secret![secret.logicalId]);
    // A random value drawn by AWS at the first apply (≥ 32 bytes), then left alone: rotation is an operator's act.
    expect(describeReferences(foundation, String(version.secret_string))).toMatch(/^<data aws_secretsmanager_random_password .+>\.random_password$/);
    expect(version.lifecycle).toEqual({ ignore_changes: ['secret_string'] });
    const password = only(dataSources(foundation, 'aws_secretsmanager_random_password'), 'random password');
    expect(password.password_length).toBeGreaterThanOrEqual(32);
    const published = only(resources(foundation, 'aws_ssm_parameter').filter((p) => p.name === foundationParameterNames(TEST_ENV).urlSigningSecretArn), 'secret parameter');
    expect(describeReferences(foundation, String(published.value))).toBe(`<aws_secretsmanager_secret mediaflow-${TEST_ENV}-url-signing>.arn`);
  });

  it('publishes every foundation parameter under /mediaflow/<env>/, each from a resource of the stack', () => {
    const parameters = resources(foundation, 'aws_ssm_parameter');
    expect(parameters.map((p) => p.name).sort()).toEqual(Object.values(foundationParameterNames(TEST_ENV)).sort());
    for (const p of parameters) expect(describeReferences(foundation, String(p.value))).toMatch(/^<aws_/);
  });
});
