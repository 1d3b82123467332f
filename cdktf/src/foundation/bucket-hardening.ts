// What every mediaflow bucket gets: default encryption (SSE-KMS with an S3 bucket key, which cuts KMS
// calls, or SSE-S3 where a reader cannot be given the key), all four public-access blocks,
// bucket-owner-enforced ownership (no ACLs) and TLS-only access, plus whatever a bucket must allow.
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import {
  S3BucketServerSideEncryptionConfigurationA,
  type S3BucketServerSideEncryptionConfigurationRuleA,
} from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import type { Construct } from 'constructs';

interface BucketHardening {
  /** SSE-KMS with this key; absent, SSE-S3 (AES256). */
  readonly kmsKeyArn?: string;
  /** Statements of the bucket policy beside the TLS-only deny (a bucket has one policy). */
  readonly allow?: DataAwsIamPolicyDocumentStatement[];
  /** ACLs stay disabled (BucketOwnerEnforced) unless a log delivery that writes with ACLs needs them. */
  readonly objectOwnership?: 'BucketOwnerPreferred';
}

const encryptionRule = (kmsKeyArn?: string): S3BucketServerSideEncryptionConfigurationRuleA =>
  kmsKeyArn
    ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: kmsKeyArn }, bucketKeyEnabled: true }
    : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } };

export const hardenBucket = (scope: Construct, id: string, bucket: S3Bucket, hardening: BucketHardening): void => {
  new S3BucketServerSideEncryptionConfigurationA(scope, `${id}-encryption`, { bucket: bucket.id, rule: [encryptionRule(hardening.kmsKeyArn)] });
  const publicAccessBlock = new S3BucketPublicAccessBlock(scope, `${id}-public-access-block`, {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, `${id}-ownership`, { bucket: bucket.id, rule: { objectOwnership: hardening.objectOwnership ?? 'BucketOwnerEnforced' } });
  const policy = new DataAwsIamPolicyDocument(scope, `${id}-tls-only`, {
    statement: [
      {
        sid: 'DenyPlainHttp',
        effect: 'Deny',
        actions: ['s3:*'],
        resources: [bucket.arn, `${bucket.arn}/*`],
        principals: [{ type: '*', identifiers: ['*'] }],
        condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
      },
      ...(hardening.allow ?? []),
    ],
  });
  // After the public access block: S3 evaluates a new policy against it.
  new S3BucketPolicy(scope, `${id}-policy`, { bucket: bucket.id, policy: policy.json, dependsOn: [publicAccessBlock] });
};
