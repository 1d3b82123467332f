// IAM statements for a set of media-bucket rights: objects only under the bucket's prefix, and
// listing only with an s3:prefix condition, so no service sees another's keys.
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { bucketPrefixes, type BucketGrants, type BucketRight, type MediaBucket } from '../service-profiles';

const OBJECT_ACTIONS: Record<Exclude<BucketRight, 'list'>, readonly string[]> = {
  read: ['s3:GetObject'],
  write: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
  delete: ['s3:DeleteObject'],
};

const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** `bucketArns` are the foundation's bucket ARNs (from its parameters). */
export const bucketStatements = (grants: BucketGrants, bucketArns: (bucket: MediaBucket) => string): DataAwsIamPolicyDocumentStatement[] =>
  (Object.entries(grants) as [MediaBucket, readonly BucketRight[]][]).flatMap(([bucket, rights]) => {
    const prefix = bucketPrefixes[bucket];
    const arn = bucketArns(bucket);
    const objectActions = rights.flatMap((r) => (r === 'list' ? [] : OBJECT_ACTIONS[r]));
    const statements: DataAwsIamPolicyDocumentStatement[] = [];
    if (objectActions.length > 0) {
      statements.push({ sid: `${capitalized(bucket)}Objects`, actions: objectActions, resources: [`${arn}/${prefix}*`] });
    }
    if (rights.includes('list')) {
      statements.push({
        sid: `${capitalized(bucket)}List`,
        actions: ['s3:ListBucket'],
        resources: [arn],
        condition: [{ test: 'StringLike', variable: 's3:prefix', values: [`${prefix}*`] }],
      });
    }
    return statements;
  });
