// Statements both of the stacks' KMS key policies hold: the account administers the key through IAM,
// and CloudWatch Logs of one region encrypts this account's log groups with it.
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';

interface KeyOwner {
  readonly partition: string;
  readonly accountId: string;
}

export const accountAdministersTheKey = ({ partition, accountId }: KeyOwner): DataAwsIamPolicyDocumentStatement => ({
  sid: 'AccountAdministersTheKeyThroughIam',
  actions: ['kms:*'],
  resources: ['*'],
  principals: [{ type: 'AWS', identifiers: [`arn:${partition}:iam::${accountId}:root`] }],
});

export const logsEncryptLogGroups = ({ partition, accountId }: KeyOwner, region: string): DataAwsIamPolicyDocumentStatement => ({
  sid: 'CloudWatchLogsEncryptsLogGroups',
  actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
  resources: ['*'],
  principals: [{ type: 'Service', identifiers: [`logs.${region}.amazonaws.com`] }],
  condition: [
    {
      test: 'ArnLike',
      variable: 'kms:EncryptionContext:aws:logs:arn',
      values: [`arn:${partition}:logs:${region}:${accountId}:log-group:*`],
    },
  ],
});
