// A service's inbox queue and its dead-letter queue: after declaration.maxAttempts receives a
// message moves to the DLQ, where it stays for people to look at (and an alarm fires).
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueueRedriveAllowPolicy } from '@cdktf/provider-aws/lib/sqs-queue-redrive-allow-policy';
import { resourceNames, type ServiceDeclaration } from '@mediaflow/topology';
import { Construct } from 'constructs';

const FOURTEEN_DAYS = 14 * 24 * 3600;

export class InboxQueues extends Construct {
  readonly inbox: SqsQueue;
  readonly deadLetterQueue: SqsQueue;

  constructor(scope: Construct, id: string, props: { declaration: ServiceDeclaration; env: string; kmsKeyArn: string }) {
    super(scope, id);
    const { declaration } = props;
    const names = resourceNames(declaration.service, props.env);
    // A data key is reused for 5 minutes: one KMS call per 5 minutes instead of one per message.
    const encryption = { kmsMasterKeyId: props.kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300 };
    this.deadLetterQueue = new SqsQueue(this, 'dead-letter-queue', {
      name: names.deadLetterQueue,
      messageRetentionSeconds: FOURTEEN_DAYS,
      ...encryption,
    });
    this.inbox = new SqsQueue(this, 'inbox', {
      name: names.queue,
      visibilityTimeoutSeconds: declaration.visibilityTimeoutSeconds,
      messageRetentionSeconds: FOURTEEN_DAYS,
      receiveWaitTimeSeconds: 20,
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: this.deadLetterQueue.arn, maxReceiveCount: declaration.maxAttempts }),
      ...encryption,
    });
    // Only the inbox may dead-letter into this DLQ (a separate resource: the inbox already refers to the DLQ).
    new SqsQueueRedriveAllowPolicy(this, 'dead-letter-sources', {
      queueUrl: this.deadLetterQueue.url,
      redriveAllowPolicy: JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [this.inbox.arn] }),
    });
  }
}
