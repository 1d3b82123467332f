// CloudFront's web ACL and its log group live in us-east-1, whatever the stacks' region, and a log
// group takes a key from its own region: this is that key, for the WAF logs of the web UI only.
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { accountAdministersTheKey, logsEncryptLogGroups } from '../key-policy-statements';

export const CLOUDFRONT_REGION = 'us-east-1';

export class WafLogsKey extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: { env: string; alias: string }) {
    super(scope, id);
    const account = new DataAwsCallerIdentity(this, 'account');
    const partition = new DataAwsPartition(this, 'partition');
    const owner = { partition: partition.partition, accountId: account.accountId };
    const policy = new DataAwsIamPolicyDocument(this, 'policy', {
      statement: [
        accountAdministersTheKey(owner),
        logsEncryptLogGroups(owner, CLOUDFRONT_REGION),
      ],
    });
    this.key = new KmsKey(this, 'key', {
      region: CLOUDFRONT_REGION,
      description: `mediaflow ${props.env}: the web UI's WAF logs (us-east-1, CloudFront's region)`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policy.json,
    });
    new KmsAlias(this, 'alias', { region: CLOUDFRONT_REGION, name: props.alias, targetKeyId: this.key.keyId });
  }
}
