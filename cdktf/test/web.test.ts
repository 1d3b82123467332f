// The web stack: the built UI in a private bucket that only our CloudFront distribution may read (OAC),
// HTTPS only, the single-page-app fallback, security headers with a CSP that lets the UI reach the API
// and the media buckets, every file uploaded with its type, cache policy and MD5, and a config.json
// written from the API's public origin, listing each service's OpenAPI document. A fake dist stands in
// for the real build.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Testing } from 'cdktf';
import { buildApp } from '../src/app';
import { readSettings } from '../src/settings';
import { CSP_MAX_LENGTH } from '../src/web/content-security-policy';
import { WebDistMissing } from '../src/web/web-dist';
import { FAKE_WEB_FILES, fakeWebDist } from './support/fake-web-dist';
import { describeReferences, referencedResource } from './support/references';
import { dataSources, only, resources, synthesizeStacks, TEST_ENV, TEST_REGION, type Block, type StackJson } from './support/synthesized-app';

const WEB_BUCKET = `mediaflow-${TEST_ENV}-web`;
const WEB_CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/web-1';
const ALB = `<ssm /mediaflow/${TEST_ENV}/alb/dns-name>`;
const bucketOrigin = (bucket: 'uploads' | 'outputs') => `https://<ssm /mediaflow/${TEST_ENV}/buckets/${bucket}/name>.s3.${TEST_REGION}.amazonaws.com`;

interface Statement {
  sid?: string;
  effect: string;
  actions: string[];
  resources: string[];
  principals: { type: string; identifiers: string[] }[];
  condition?: { test: string; variable: string; values: string[] }[];
}

// The three services with an api; processing has none. /openapi.json alone reaches jobs only.
const documentsAt = (api: string) => ['ingest', 'jobs', 'notifications'].map((name) => ({ name, url: `${api}/openapi/${name}.json` }));
const objectsOf = (stack: StackJson) => Object.fromEntries(resources(stack, 'aws_s3_object').map((o) => [String(o.key), o]));
const distributionOf = (stack: StackJson) => only(resources(stack, 'aws_cloudfront_distribution'), 'distribution');
const policyDirectives = (stack: StackJson): Record<string, string[]> => {
  const headers = only(resources(stack, 'aws_cloudfront_response_headers_policy'), 'response headers policy');
  const csp = (headers.security_headers_config as { content_security_policy: { content_security_policy: string } }).content_security_policy.content_security_policy;
  // Split before naming the references: a described reference (`<ssm /x>`) has a space in it.
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources.map((source) => describeReferences(stack, source))]),
  );
};

describe('web stack', () => {
  let web: StackJson;
  let withDomains: StackJson;
  beforeAll(() => {
    web = synthesizeStacks({}, ['web']).web!;
    withDomains = synthesizeStacks(
      { MEDIAFLOW_WEB_DOMAIN: 'App.Example.com', MEDIAFLOW_WEB_CERTIFICATE_ARN: WEB_CERTIFICATE, MEDIAFLOW_PUBLIC_DOMAIN: 'api.example.com', MEDIAFLOW_CERTIFICATE_ARN: 'arn:aws:acm:eu-west-1:123456789012:certificate/api' },
      ['web'],
    ).web!;
  });

  it('keeps the UI in a private, encrypted bucket: all four public-access blocks, SSE-S3, no ACLs', () => {
    // The other bucket is the stack's log bucket.
    const bucket = only(resources(web, 'aws_s3_bucket').filter((b) => b.bucket === WEB_BUCKET), 'bucket');
    const ofBucket = (type: string): Block => only(resources(web, type).filter((r) => referencedResource(web, r.bucket) === web.resource!.aws_s3_bucket![bucket.logicalId]), type);
    expect(ofBucket('aws_s3_bucket_public_access_block')).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    // SSE-S3 keeps the ETag the MD5 of the bytes, and CloudFront needs no grant on a KMS key.
    expect(ofBucket('aws_s3_bucket_server_side_encryption_configuration').rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }]);
    expect(ofBucket('aws_s3_bucket_ownership_controls').rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
    expect(resources(web, 'aws_s3_bucket_website_configuration')).toEqual([]); // never a public website endpoint
    expect(resources(web, 'aws_s3_bucket_versioning').filter((v) => referencedResource(web, v.bucket) === web.resource!.aws_s3_bucket![bucket.logicalId])).toEqual([]); // the build is the source of truth
  });

  it('reads the bucket through an Origin Access Control that signs every request with SigV4', () => {
    const oac = only(resources(web, 'aws_cloudfront_origin_access_control'), 'origin access control');
    expect(oac).toMatchObject({ name: WEB_BUCKET, origin_access_control_origin_type: 's3', signing_behavior: 'always', signing_protocol: 'sigv4' });
    const [origin] = distributionOf(web).origin as Block[];
    expect(describeReferences(web, String(origin!.domain_name))).toBe(`<aws_s3_bucket ${WEB_BUCKET}>.bucket_regional_domain_name`);
    expect(referencedResource(web, origin!.origin_access_control_id)).toBe(web.resource!.aws_cloudfront_origin_access_control![oac.logicalId]);
    expect(origin).not.toHaveProperty('s3_origin_config'); // no legacy origin access identity
    expect(resources(web, 'aws_cloudfront_origin_access_identity')).toEqual([]);
  });

  it('lets only CloudFront, for this distribution, read objects; everything else is denied over plain HTTP', () => {
    const uiBucket = only(resources(web, 'aws_s3_bucket').filter((b) => b.bucket === WEB_BUCKET), 'bucket');
    const policy = only(resources(web, 'aws_s3_bucket_policy').filter((p) => referencedResource(web, p.bucket) === web.resource!.aws_s3_bucket![uiBucket.logicalId]), 'bucket policy');
    const document = only(dataSources(web, 'aws_iam_policy_document').filter((d) => String(policy.policy).includes(`.${d.logicalId}.`)), 'policy document');
    const statements = document.statement as Statement[];
    const allows = statements.filter((s) => s.effect === 'Allow');
    expect(allows).toHaveLength(1);
    const [allow] = allows;
    expect(allow!.principals).toEqual([{ type: 'Service', identifiers: ['cloudfront.amazonaws.com'] }]);
    expect(allow!.actions).toEqual(['s3:GetObject']);
    expect(allow!.resources.map((r) => describeReferences(web, r))).toEqual([`<aws_s3_bucket ${WEB_BUCKET}>.arn/*`]);
    expect(allow!.condition).toHaveLength(1);
    const [condition] = allow!.condition!;
    expect(condition).toMatchObject({ test: 'StringEquals', variable: 'AWS:SourceArn' });
    expect(condition!.values.map((v) => referencedResource(web, v))).toEqual([web.resource!.aws_cloudfront_distribution![distributionOf(web).logicalId]]);
    expect(statements.filter((s) => s.effect === 'Deny').map((s) => s.sid)).toEqual(['DenyPlainHttp']);
  });

  it('serves index.html at the root and for every path without an object (SPA fallback, 200, not cached)', () => {
    const distribution = distributionOf(web);
    expect(distribution).toMatchObject({ enabled: true, default_root_object: 'index.html' });
    expect(distribution.custom_error_response).toEqual(
      [403, 404].map((code) => ({ error_code: code, response_code: 200, response_page_path: '/index.html', error_caching_min_ttl: 0 })),
    );
  });

  it('redirects HTTP to HTTPS, compresses, reads GET/HEAD only, and caches as the objects say', () => {
    const behavior = distributionOf(web).default_cache_behavior as Block;
    expect(behavior).toMatchObject({ viewer_protocol_policy: 'redirect-to-https', compress: true, allowed_methods: ['GET', 'HEAD'] });
    const cache = referencedResource(web, behavior.cache_policy_id)!;
    expect(cache).toMatchObject({ min_ttl: 0, max_ttl: 31_536_000 });
    expect(cache.parameters_in_cache_key_and_forwarded_to_origin).toMatchObject({ enable_accept_encoding_gzip: true, enable_accept_encoding_brotli: true });
    expect(distributionOf(web).viewer_certificate).toEqual({ cloudfront_default_certificate: true });
  });

  it('adds HSTS, nosniff, DENY framing and a referrer policy to every answer', () => {
    const behavior = distributionOf(web).default_cache_behavior as Block;
    const headers = referencedResource(web, behavior.response_headers_policy_id)!.security_headers_config as Record<string, Block>;
    expect(headers.strict_transport_security).toMatchObject({ override: true, include_subdomains: true });
    expect(headers.strict_transport_security!.access_control_max_age_sec as number).toBeGreaterThanOrEqual(31_536_000);
    expect(headers.content_type_options).toEqual({ override: true });
    expect(headers.frame_options).toEqual({ frame_option: 'DENY', override: true });
    expect(headers.referrer_policy).toEqual({ referrer_policy: 'strict-origin-when-cross-origin', override: true });
    expect(headers.content_security_policy).toMatchObject({ override: true });
  });

  it('has a CSP for the UI: its own scripts only, the API and the buckets, blob: media and workers for hls.js', () => {
    const csp = policyDirectives(web);
    const api = `http://${ALB}`;
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'", api, bucketOrigin('uploads'), bucketOrigin('outputs')]);
    expect(csp['media-src']).toEqual(expect.arrayContaining(["'self'", 'blob:', api, bucketOrigin('outputs')]));
    expect(csp['img-src']).toEqual(expect.arrayContaining(["'self'", api, bucketOrigin('outputs')]));
    expect(csp['worker-src']).toEqual(["'self'", 'blob:']);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(policyDirectives(withDomains)['connect-src']).toContain('https://api.example.com');
  });

  it('keeps the CSP within what CloudFront accepts, even with the longest names', () => {
    const headers = only(resources(web, 'aws_cloudfront_response_headers_policy'), 'response headers policy');
    const raw = (headers.security_headers_config as { content_security_policy: { content_security_policy: string } }).content_security_policy.content_security_policy;
    // An ALB DNS name is at most ~80 characters; bucket names with a 20-character environment about 38.
    const worst = raw.replace(/\$\{[^}]+\}/g, 'x'.repeat(80));
    expect(worst.length).toBeLessThanOrEqual(CSP_MAX_LENGTH);
  });

  it('uploads every built file but config.json and dot files, with its content type, cache policy and MD5', () => {
    const objects = objectsOf(web);
    const built = Object.keys(FAKE_WEB_FILES).filter((f) => f !== 'config.json' && !f.startsWith('.'));
    expect(Object.keys(objects).sort()).toEqual([...built, 'config.json'].sort());
    const expected: Record<string, [string, string]> = {
      'index.html': ['text/html; charset=utf-8', 'no-cache'],
      'docs/index.html': ['text/html; charset=utf-8', 'no-cache'],
      'assets/x.js': ['text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      'assets/app-ABC123.css': ['text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    };
    for (const file of built) {
      const object = objects[file]!;
      expect({ file, type: object.content_type, cache: object.cache_control }).toEqual({ file, type: expected[file]![0], cache: expected[file]![1] });
      expect(object.etag).toBe(createHash('md5').update(FAKE_WEB_FILES[file]!).digest('hex'));
      expect(describeReferences(web, String(object.bucket))).toBe(`<aws_s3_bucket ${WEB_BUCKET}>.id`);
      // From the copy cdktf takes into the stack's assets folder, so terraform uploads what was hashed.
      expect(String(object.source)).toMatch(new RegExp(`^assets/[^/]+/[0-9a-f]+/${file.replace(/\./g, '\\.')}$`));
    }
  });

  it("writes config.json from the API's public origin, never the one in dist, and has it revalidated", () => {
    const config = objectsOf(web)['config.json']!;
    expect(config).toMatchObject({ content_type: 'application/json', cache_control: 'no-cache' });
    expect(config).not.toHaveProperty('source');
    expect(JSON.parse(describeReferences(web, String(config.content)))).toEqual({ apiUrl: `http://${ALB}`, mode: 'static', openapiUrls: documentsAt(`http://${ALB}`) });
    expect(JSON.parse(String(objectsOf(withDomains)['config.json']!.content))).toEqual({ apiUrl: 'https://api.example.com', mode: 'static', openapiUrls: documentsAt('https://api.example.com') });
  });

  it("lists in config.json each service's OpenAPI document at a path the load balancer routes to that service", () => {
    const stacks = synthesizeStacks();
    const { openapiUrls } = JSON.parse(String(objectsOf(stacks.web!)['config.json']!.content)) as { openapiUrls: { name: string; url: string }[] };
    expect(openapiUrls.map((d) => d.name)).toEqual(['ingest', 'jobs', 'notifications']);
    for (const { name, url } of openapiUrls) {
      const service = stacks[name]!;
      const path = new URL(url.replace(/\$\{[^}]+\}/, 'alb.example')).pathname;
      const rule = only(resources(service, 'aws_lb_listener_rule').filter((r) => (r.condition as { path_pattern: { values: string[] } }[])[0]!.path_pattern.values.includes(path)), `rule for ${path}`);
      const target = (rule.action as { target_group_arn: string }[])[0]!.target_group_arn;
      expect(describeReferences(service, target)).toBe(`<aws_lb_target_group mediaflow-${TEST_ENV}-${name}>.arn`);
    }
  });

  it('reads the foundation only through its SSM parameters', () => {
    expect(dataSources(web, 'aws_ssm_parameter').map((p) => p.name).sort()).toEqual(
      ['alb/dns-name', 'buckets/outputs/name', 'buckets/uploads/name'].map((n) => `/mediaflow/${TEST_ENV}/${n}`),
    );
  });

  it('outputs the URL of the UI: the distribution, or the custom name with its us-east-1 certificate', () => {
    const outputs = (stack: StackJson) => (stack as unknown as { output: Record<string, { value: string }> }).output;
    expect(describeReferences(web, outputs(web).web_url!.value)).toBe(`https://<aws_cloudfront_distribution ${distributionOf(web).logicalId}>.domain_name`);
    expect(outputs(withDomains).web_url!.value).toBe('https://app.example.com');
    const distribution = distributionOf(withDomains);
    expect(distribution.aliases).toEqual(['app.example.com']);
    expect(distribution.viewer_certificate).toEqual({ acm_certificate_arn: WEB_CERTIFICATE, ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021' });
  });
});

describe('web stack without a built UI', () => {
  it('fails the synth with the command to run', () => {
    const missing = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-no-dist-'));
    const settings = readSettings({ MEDIAFLOW_ENV: TEST_ENV, MEDIAFLOW_WEB_DIST: path.join(missing, 'dist') });
    expect(() => buildApp(Testing.app(), settings)).toThrow(WebDistMissing);
    expect(() => buildApp(Testing.app(), settings)).toThrow(/npm run build -w @mediaflow\/web/);
  });

  it('reads MEDIAFLOW_WEB_DIST, defaulting to web/dist', () => {
    expect(readSettings({}).web.distDir).toBe(path.resolve(__dirname, '..', '..', 'web', 'dist'));
    expect(readSettings({ MEDIAFLOW_WEB_DIST: fakeWebDist() }).web.distDir).toBe(fakeWebDist());
  });
});
