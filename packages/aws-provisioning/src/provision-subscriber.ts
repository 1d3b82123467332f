// Creates, idempotently, what the subscriber kit's cdktf construct declares, for the emulator and
// tests: the subscriber's DLQ and queue (redrive), one rule per subscription on mediaflow's bus with
// eventPatternOf's pattern, each targeting the queue with the explicit retry policy and the DLQ, and
// the queue policies letting exactly those rules in.
import { PutRuleCommand, PutTargetsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  SUBSCRIBER_TARGET_RETRY,
  subscriberNames,
  subscriberQueueSettings,
  subscriberRules,
  type SubscriberDeclaration,
} from '@mediaflow/topology';
import { ensureQueue } from './ensure-queue';

export interface ProvisionedSubscriber {
  readonly queueUrl: string;
  readonly queueArn: string;
  readonly dlqUrl: string;
  readonly dlqArn: string;
  readonly ruleArns: readonly string[];
}

const rulesMaySend = (queueArn: string, ruleArns: readonly string[]): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'MediaflowRulesSend',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': [...ruleArns] } },
      },
    ],
  });

export const provisionSubscriber = async (
  clients: { eventBridge: EventBridgeClient; sqs: SQSClient },
  declaration: SubscriberDeclaration,
  busName: string,
): Promise<ProvisionedSubscriber> => {
  const names = subscriberNames(declaration.name);
  const settings = subscriberQueueSettings(declaration);
  const retention = String(settings.messageRetentionSeconds);
  const dlq = await ensureQueue(clients.sqs, names.deadLetterQueue, { MessageRetentionPeriod: retention });
  const queue = await ensureQueue(clients.sqs, names.queue, {
    VisibilityTimeout: String(settings.visibilityTimeoutSeconds),
    MessageRetentionPeriod: retention,
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: settings.maxReceiveCount }),
  });
  const ruleArns: string[] = [];
  for (const rule of subscriberRules(declaration)) {
    const put = await clients.eventBridge.send(
      new PutRuleCommand({
        Name: rule.name,
        EventBusName: busName,
        EventPattern: JSON.stringify(rule.pattern),
        State: 'ENABLED',
        Description: rule.description,
      }),
    );
    if (!put.RuleArn) throw new Error(`EventBridge returned no ARN for rule ${rule.name}`);
    const targets = await clients.eventBridge.send(
      new PutTargetsCommand({
        Rule: rule.name,
        EventBusName: busName,
        Targets: [
          {
            Id: 'queue',
            Arn: queue.arn,
            DeadLetterConfig: { Arn: dlq.arn },
            RetryPolicy: {
              MaximumEventAgeInSeconds: SUBSCRIBER_TARGET_RETRY.maximumEventAgeInSeconds,
              MaximumRetryAttempts: SUBSCRIBER_TARGET_RETRY.maximumRetryAttempts,
            },
          },
        ],
      }),
    );
    if (targets.FailedEntryCount)
      throw new Error(`PutTargets failed for rule ${rule.name}: ${JSON.stringify(targets.FailedEntries)}`);
    ruleArns.push(put.RuleArn);
  }
  for (const q of [queue, dlq])
    await clients.sqs.send(new SetQueueAttributesCommand({ QueueUrl: q.url, Attributes: { Policy: rulesMaySend(q.arn, ruleArns) } }));
  return { queueUrl: queue.url, queueArn: queue.arn, dlqUrl: dlq.url, dlqArn: dlq.arn, ruleArns };
};
