// What every mediaflow bucket gets: SSE-KMS by default (with an S3 bucket key, which cuts KMS calls),
// all four public-access blocks, bucket-owner-enforced ownership (no ACLs) and TLS-only access.
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import type { Construct } from 'constructs';

export const hardenBucket = (scope: Construct, id: string, bucket: S3Bucket, kmsKeyArn: string): void => {
  new S3BucketServerSideEncryptionConfigurationA(scope, `${id}-encryption`, {
    bucket: bucket.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: kmsKeyArn }, bucketKeyEnabled: true }],
  });
  const publicAccessBlock = new S3BucketPublicAccessBlock(scope, `${id}-public-access-block`, {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, `${id}-ownership`, { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
  const tlsOnly = new DataAwsIamPolicyDocument(scope, `${id}-tls-only`, {
    statement: [
      {
        sid: 'DenyPlainHttp',
        effect: 'Deny',
        actions: ['s3:*'],
        resources: [bucket.arn, `${bucket.arn}/*`],
        principals: [{ type: '*', identifiers: ['*'] }],
        condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
      },
    ],
  });
  // After the public access block: S3 evaluates a new policy against it.
  new S3BucketPolicy(scope, `${id}-policy`, { bucket: bucket.id, policy: tlsOnly.json, dependsOn: [publicAccessBlock] });
};
