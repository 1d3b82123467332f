// The one customer-managed KMS key of an environment: buckets, queues, tables, log groups, ECR
// images and the alarm topic are encrypted with it. AWS services that write into those on our behalf are let in by the key policy.
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { accountAdministersTheKey, logsEncryptLogGroups } from '../key-policy-statements';
import { foundationNames } from '../naming/infra-names';

export class EncryptionKey extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: { env: string; region: string }) {
    super(scope, id);
    const { env, region } = props;
    const account = new DataAwsCallerIdentity(this, 'account');
    const partition = new DataAwsPartition(this, 'partition');
    const owner = { partition: partition.partition, accountId: account.accountId };
    const policy = new DataAwsIamPolicyDocument(this, 'policy', {
      statement: [
        accountAdministersTheKey(owner),
        {
          // EventBridge delivers to the KMS-encrypted inboxes (and DLQs); only for this account's rules.
          sid: 'EventBridgeDeliversToEncryptedQueues',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'],
          principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [account.accountId] }],
        },
        {
          // Alarms publish to the encrypted topic; the topic's own policy decides who may publish.
          sid: 'CloudWatchAlarmsPublishToEncryptedTopic',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'],
          principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }],
        },
        // Log groups of this account and region (services, runner, VPC flow logs, WAF) are encrypted with it.
        logsEncryptLogGroups(owner, region),
      ],
    });
    this.key = new KmsKey(this, 'key', {
      description: `mediaflow ${env}: buckets, queues, tables, logs, images, alarm topic`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policy.json,
    });
    new KmsAlias(this, 'alias', { name: foundationNames(env).kmsAlias, targetKeyId: this.key.keyId });
  }
}
