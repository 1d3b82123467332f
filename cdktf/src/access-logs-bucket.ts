// A bucket for access logs: S3 server access logs of other buckets (under s3/<bucket>/), and either
// the load balancer's (foundation, under alb/) or CloudFront's (web stack, under cloudfront/).
// SSE-S3, because none of those deliveries writes to a bucket whose default encryption is SSE-KMS;
// versioned, so a log cannot be overwritten unnoticed; kept a year like the log groups. CloudFront's
// standard logs are written with an ACL grant, so that bucket alone has ACLs enabled (owner-preferred).
import { DataAwsElbServiceAccount } from '@cdktf/provider-aws/lib/data-aws-elb-service-account';
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import { hardenBucket } from './foundation/bucket-hardening';
import { LOG_RETENTION_DAYS } from './log-group';

export const LOAD_BALANCER_LOGS_PREFIX = 'alb';
export const CLOUDFRONT_LOGS_PREFIX = 'cloudfront/';
const S3_LOGS_PREFIX = 's3';

/** S3 server access logging delivers as this service principal, for buckets of this account only. */
const s3LogDelivery = (arn: string, accountId: string): DataAwsIamPolicyDocumentStatement => ({
  sid: 'S3ServerAccessLogs',
  actions: ['s3:PutObject'],
  resources: [`${arn}/${S3_LOGS_PREFIX}/*`],
  principals: [{ type: 'Service', identifiers: ['logging.s3.amazonaws.com'] }],
  condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [accountId] }],
});

/**
 * The load balancer delivers as the region's ELB account (regions opened before August 2022) or as
 * the log-delivery service principal (the newer ones): both are let in, to this account's prefix only.
 */
const loadBalancerLogDelivery = (arn: string, accountId: string, elbAccountArn: string): DataAwsIamPolicyDocumentStatement => ({
  sid: 'LoadBalancerAccessLogs',
  actions: ['s3:PutObject'],
  resources: [`${arn}/${LOAD_BALANCER_LOGS_PREFIX}/AWSLogs/${accountId}/*`],
  principals: [
    { type: 'AWS', identifiers: [elbAccountArn] },
    { type: 'Service', identifiers: ['logdelivery.elasticloadbalancing.amazonaws.com'] },
  ],
});

export class AccessLogsBucket extends Construct {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: { name: string; accountId: string; delivers: 'load-balancer' | 'cloudfront'; forceDestroy?: boolean }) {
    super(scope, id);
    this.bucket = new S3Bucket(this, 'bucket', { bucket: props.name, ...(props.forceDestroy ? { forceDestroy: true } : {}) });
    const allow = [s3LogDelivery(this.bucket.arn, props.accountId)];
    if (props.delivers === 'load-balancer') {
      const elb = new DataAwsElbServiceAccount(this, 'elb-account');
      allow.push(loadBalancerLogDelivery(this.bucket.arn, props.accountId, elb.arn));
    }
    hardenBucket(this, 'bucket', this.bucket, {
      allow,
      ...(props.delivers === 'cloudfront' ? { objectOwnership: 'BucketOwnerPreferred' as const } : {}),
    });
    const versioning = new S3BucketVersioningA(this, 'versioning', { bucket: this.bucket.id, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket: this.bucket.id,
      dependsOn: [versioning],
      rule: [
        {
          id: 'logs-expire',
          status: 'Enabled',
          filter: [{}],
          expiration: [{ days: LOG_RETENTION_DAYS }],
          noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
      ],
    });
  }

  /** Sends a bucket's S3 server access logs here, under s3/<its name>/. */
  logsOf(id: string, bucket: S3Bucket): S3BucketLoggingA {
    return new S3BucketLoggingA(this, `${id}-access-logs`, {
      bucket: bucket.id,
      targetBucket: this.bucket.id,
      targetPrefix: `${S3_LOGS_PREFIX}/${bucket.bucket}/`,
    });
  }
}
