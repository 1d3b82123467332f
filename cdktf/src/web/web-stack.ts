// The web UI's stack: a private bucket, CloudFront in front of it, and the built UI uploaded with a
// config.json pointing at this environment's API and at each service's OpenAPI document. Like the
// service stacks it reads the foundation through SSM parameters only; nothing reads this stack back,
// so the stacks form no cycle (the UI's origin reaches the API's CORS through MEDIAFLOW_WEB_DOMAIN or
// MEDIAFLOW_CORS_ORIGINS).
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { serviceOpenApiPath } from '@mediaflow/http/openapi-paths';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { hardenBucket } from '../foundation/bucket-hardening';
import { MediaflowStack } from '../mediaflow-stack';
import { webNames } from '../naming/infra-names';
import { routedApiServices } from '../service/api-routing';
import { FoundationInputs } from '../service/foundation-inputs';
import { publicUrl } from '../service/process-settings';
import type { InfraSettings } from '../settings';
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
    const bucket = new S3Bucket(this, 'bucket', { bucket: webNames(env).bucket, forceDestroy: true });
    const cdn = new WebDistribution(this, 'cdn', {
      env,
      bucketRegionalDomainName: bucket.bucketRegionalDomainName,
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
