// The web UI's stack: a private bucket, CloudFront in front of it, and the built UI uploaded with a
// config.json pointing at this environment's API and at each service's OpenAPI document. Like the
// service stacks it reads the foundation through SSM parameters only; nothing reads this stack back,
// so the stacks form no cycle (the UI's origin reaches the API's CORS through MEDIAFLOW_WEB_DOMAIN or
// MEDIAFLOW_CORS_ORIGINS). CloudFront's and the bucket's access logs go to a log bucket of the stack.
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { serviceOpenApiPath } from '@mediaflow/http/openapi-paths';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { AccessLogsBucket, CLOUDFRONT_LOGS_PREFIX } from '../access-logs-bucket';
import { hardenBucket } from '../foundation/bucket-hardening';
import { MediaflowStack } from '../mediaflow-stack';
import { webNames } from '../naming/infra-names';
import { routedApiServices } from '../service/api-routing';
import { FoundationInputs } from '../service/foundation-inputs';
import { publicUrl } from '../service/process-settings';
import type { InfraSettings } from '../settings';
import { WebAcl } from '../web-acl';
import { CLOUDFRONT_REGION, WafLogsKey } from './waf-logs-key';
import { contentSecurityPolicy, s3Origin } from './content-security-policy';
import { WebDistribution } from './web-distribution';
import { type ApiDocument, WebObjects } from './web-objects';

const WEB_STACK = 'web';

/** CloudFront, and only this distribution, may read the bucket (the condition is what ties it to ours). */
const distributionReads = (bucketArn: string, distributionArn: string): DataAwsIamPolicyDocumentStatement => ({
  sid: 'CloudFrontReadsTheUi',
  effect: 'Allow',
  actions: ['s3:GetObject'],
  resources: [`${bucketArn}/*`],
  principals: [{ type: 'Service', identifiers: ['cloudfront.amazonaws.com'] }],
  condition: [{ test: 'StringEquals', variable: 'AWS:SourceArn', values: [distributionArn] }],
});

/** Every api behind the load balancer serves its own document at the path its rule routes to it. */
const apiDocuments = (apiUrl: string): ApiDocument[] => routedApiServices().map((service) => ({ name: service, url: `${apiUrl}${serviceOpenApiPath(service)}` }));

export class WebStack extends MediaflowStack {
  readonly url: string;

  constructor(scope: Construct, settings: InfraSettings) {
    super(scope, WEB_STACK, settings);
    const { env, region } = settings;
    const foundation = new FoundationInputs(this, 'foundation', env);
    const apiUrl = publicUrl(settings, foundation.value('loadBalancerDnsName'));

    // Build output only, rebuilt by every deploy: destroying the stack may empty it.
    const names = webNames(env);
    const bucket = new S3Bucket(this, 'bucket', { bucket: names.bucket, forceDestroy: true });
    // Not versioned: the build (git) is the source of truth, and every deploy rewrites the files.
    new S3BucketLifecycleConfiguration(this, 'bucket-lifecycle', {
      bucket: bucket.id,
      rule: [{ id: 'abort-incomplete-multipart', status: 'Enabled', filter: [{}], abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }] }],
    });
    const accountId = new DataAwsCallerIdentity(this, 'account').accountId;
    const logs = new AccessLogsBucket(this, 'logs', { name: names.logsBucket, accountId, delivers: 'cloudfront', forceDestroy: true });
    logs.logsOf('bucket', bucket);
    const waf = settings.waf
      ? new WebAcl(this, 'waf', {
          name: names.webAcl,
          scope: 'CLOUDFRONT',
          logGroupName: names.wafLogs,
          kmsKeyArn: new WafLogsKey(this, 'waf-logs-key', { env, alias: names.wafLogsKeyAlias }).key.arn,
          region: CLOUDFRONT_REGION,
        }).acl
      : undefined;
    const cdn = new WebDistribution(this, 'cdn', {
      env,
      bucketRegionalDomainName: bucket.bucketRegionalDomainName,
      logsBucketDomainName: logs.bucket.bucketRegionalDomainName,
      logsPrefix: CLOUDFRONT_LOGS_PREFIX,
      ...(waf ? { webAclArn: waf.arn } : {}),
      web: settings.web,
      contentSecurityPolicy: contentSecurityPolicy({
        api: apiUrl,
        uploads: s3Origin(foundation.value('uploadsBucketName'), region),
        outputs: s3Origin(foundation.value('outputsBucketName'), region),
      }),
    });
    // SSE-S3, not the environment's KMS key: CloudFront would need a grant on it, and nothing here is secret.
    hardenBucket(this, 'bucket', bucket, { allow: [distributionReads(bucket.arn, cdn.distribution.arn)] });
    new WebObjects(this, 'files', { bucket: bucket.id, distDir: settings.web.distDir, apiUrl, openapiUrls: apiDocuments(apiUrl) });

    this.url = cdn.url;
    new TerraformOutput(this, 'web_url', { value: cdn.url, description: 'the UI; add it to MEDIAFLOW_CORS_ORIGINS unless MEDIAFLOW_WEB_DOMAIN names it' });
    new TerraformOutput(this, 'web_distribution_id', { value: cdn.distribution.id });
    new TerraformOutput(this, 'web_bucket', { value: bucket.bucket });
  }
}
