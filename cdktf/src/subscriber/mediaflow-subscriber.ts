// The subscriber kit: what another team adds to ITS stack to receive mediaflow's events. Rules on
// mediaflow's bus with the patterns @mediaflow/topology computes for the services too, the team's
// queue and DLQ, the queue policies letting exactly those rules in, an explicit target retry policy
// (24 h / 185 attempts) with the DLQ as target DLQ, and two alarms. Names come from subscriberNames.
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import {
  SUBSCRIBER_TARGET_RETRY,
  declareSubscriber,
  subscriberNames,
  subscriberQueueSettings,
  subscriberRules,
  type SubscriberDeclaration,
} from '@mediaflow/topology';
import { Construct } from 'constructs';

export interface MediaflowSubscriberProps {
  /** Which mediaflow events (and major versions) to receive, and the name of the resources. */
  readonly subscriber: SubscriberDeclaration;
  /** mediaflow's bus: its name in the same account, or its ARN (SSM `/mediaflow/<env>/bus/arn`). */
  readonly bus: string;
  /** SNS topics (or other alarm actions) told when the DLQ fills or the queue is not drained. */
  readonly alarmActions?: readonly string[];
  /** Oldest message age, in seconds, that means the consumer is stuck; default 900. */
  readonly oldestMessageAlarmSeconds?: number;
  /** KMS key for both queues; default SQS-managed encryption. */
  readonly kmsKeyArn?: string;
}

export class MediaflowSubscriber extends Construct {
  readonly queue: SqsQueue;
  readonly deadLetterQueue: SqsQueue;
  readonly rules: CloudwatchEventRule[];
  readonly alarms: CloudwatchMetricAlarm[];

  constructor(scope: Construct, id: string, props: MediaflowSubscriberProps) {
    super(scope, id);
    const subscriber = declareSubscriber(props.subscriber);
    const names = subscriberNames(subscriber.name);
    const settings = subscriberQueueSettings(subscriber);
    const encryption = props.kmsKeyArn
      ? { kmsMasterKeyId: props.kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300 }
      : { sqsManagedSseEnabled: true };
    this.deadLetterQueue = new SqsQueue(this, 'dead-letter-queue', {
      name: names.deadLetterQueue,
      messageRetentionSeconds: settings.messageRetentionSeconds,
      ...encryption,
    });
    this.queue = new SqsQueue(this, 'queue', {
      name: names.queue,
      visibilityTimeoutSeconds: settings.visibilityTimeoutSeconds,
      messageRetentionSeconds: settings.messageRetentionSeconds,
      receiveWaitTimeSeconds: 20,
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: this.deadLetterQueue.arn, maxReceiveCount: settings.maxReceiveCount }),
      ...encryption,
    });
    this.rules = subscriberRules(subscriber).map((r, i) => {
      const rule = new CloudwatchEventRule(this, `rule-${i}`, {
        name: r.name,
        eventBusName: props.bus,
        eventPattern: JSON.stringify(r.pattern),
        description: r.description,
      });
      new CloudwatchEventTarget(this, `target-${i}`, {
        rule: rule.name,
        eventBusName: props.bus,
        targetId: 'queue',
        arn: this.queue.arn,
        deadLetterConfig: { arn: this.deadLetterQueue.arn },
        retryPolicy: { ...SUBSCRIBER_TARGET_RETRY },
      });
      return rule;
    });
    // The DLQ gets the same policy: EventBridge itself sends there what it could not deliver.
    for (const [key, queue] of [['queue', this.queue], ['dead-letter-queue', this.deadLetterQueue]] as const) {
      const document = new DataAwsIamPolicyDocument(this, `${key}-policy-document`, {
        statement: [
          {
            sid: 'MediaflowRulesSend',
            actions: ['sqs:SendMessage'],
            resources: [queue.arn],
            principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
            condition: [{ test: 'ArnEquals', variable: 'aws:SourceArn', values: this.rules.map((r) => r.arn) }],
          },
        ],
      });
      new SqsQueuePolicy(this, `${key}-policy`, { queueUrl: queue.url, policy: document.json });
    }
    const actions = props.alarmActions ? { alarmActions: [...props.alarmActions], okActions: [...props.alarmActions] } : {};
    const sqsAlarm = (what: string, queueName: string, metricName: string, threshold: number, evaluationPeriods: number, alarmDescription: string) =>
      new CloudwatchMetricAlarm(this, what, {
        alarmName: names.alarm(what),
        alarmDescription,
        namespace: 'AWS/SQS',
        metricName,
        dimensions: { QueueName: queueName },
        statistic: 'Maximum',
        period: 60,
        evaluationPeriods,
        threshold,
        comparisonOperator: 'GreaterThanThreshold',
        treatMissingData: 'notBreaching',
        ...actions,
      });
    this.alarms = [
      sqsAlarm('dlq-not-empty', names.deadLetterQueue, 'ApproximateNumberOfMessagesVisible', 0, 1,
        `${names.deadLetterQueue} holds mediaflow events ${subscriber.name} could not take: read them, fix, redrive`),
      sqsAlarm('oldest-message', names.queue, 'ApproximateAgeOfOldestMessage', props.oldestMessageAlarmSeconds ?? 900, 5,
        `${names.queue} is not being drained: is the ${subscriber.name} consumer running?`),
    ];
  }
}
