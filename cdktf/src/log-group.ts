// Every log group of the stacks: encrypted with a customer-managed key (the environment's, whose
// policy lets CloudWatch Logs of this account and region use it) and kept a year, long enough to
// look back at an incident found late (an audit, a customer's question about last spring's job).
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import type { Construct } from 'constructs';

export const LOG_RETENTION_DAYS = 365;

export const encryptedLogGroup = (
  scope: Construct,
  id: string,
  props: { name: string; kmsKeyArn: string; region?: string },
): CloudwatchLogGroup =>
  new CloudwatchLogGroup(scope, id, {
    name: props.name,
    retentionInDays: LOG_RETENTION_DAYS,
    kmsKeyId: props.kmsKeyArn,
    ...(props.region ? { region: props.region } : {}),
  });
