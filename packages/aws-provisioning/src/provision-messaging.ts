// Creates, idempotently, what one service needs to publish and consume on AWS: the shared bus, its
// dead-letter queue, its inbox queue (redrive after declaration.maxAttempts receives), the queue
// policy letting its rules deliver, and one rule per subscription. Used by the emulator bootstrap and
// by the AWS tests; the cdktf stacks declare the same resources from the same declaration.
import {
  DeleteQueueCommand,
  GetQueueUrlCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { busName as busNameOf, resourceNames, type ServiceDeclaration } from '@mediaflow/topology';
import { ensureBus } from './ensure-bus';
import { ensureQueue } from './ensure-queue';
import { deleteRules, ensureSubscriptionRules } from './subscription-rules';

interface MessagingClients {
  readonly eventBridge: EventBridgeClient;
  readonly sqs: SQSClient;
}

export interface ProvisionedMessaging {
  readonly busName: string;
  readonly queueUrl: string;
  readonly queueArn: string;
  readonly dlqUrl: string;
  readonly dlqArn: string;
  readonly ruleArns: readonly string[];
}

const FOURTEEN_DAYS = String(14 * 24 * 3600);

/** Only the service's own rules may send to its inbox. */
const inboxPolicy = (queueArn: string, ruleArns: readonly string[]): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'SubscriptionRulesSendToInbox',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': [...ruleArns] } },
      },
    ],
  });

export const provisionMessaging = async (
  clients: MessagingClients,
  declaration: ServiceDeclaration,
  env: string,
): Promise<ProvisionedMessaging> => {
  const names = resourceNames(declaration.service, env);
  const { busName } = await ensureBus(clients.eventBridge, env);
  // The DLQ keeps messages as long as SQS allows: a dead letter is for people to look at.
  const dlq = await ensureQueue(clients.sqs, names.deadLetterQueue, {
    MessageRetentionPeriod: FOURTEEN_DAYS,
  });
  const inbox = await ensureQueue(clients.sqs, names.queue, {
    VisibilityTimeout: String(declaration.visibilityTimeoutSeconds),
    MessageRetentionPeriod: FOURTEEN_DAYS,
    ReceiveMessageWaitTimeSeconds: '20',
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: declaration.maxAttempts }),
  });
  const ruleArns = await ensureSubscriptionRules(clients.eventBridge, declaration, env, busName, inbox.arn);
  await clients.sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: inbox.url,
      // An empty Policy removes it: a service that subscribes to nothing accepts nothing.
      Attributes: { Policy: ruleArns.length > 0 ? inboxPolicy(inbox.arn, ruleArns) : '' },
    }),
  );
  return { busName, queueUrl: inbox.url, queueArn: inbox.arn, dlqUrl: dlq.url, dlqArn: dlq.arn, ruleArns };
};

/** Removes the service's rules and queues (not the shared bus: see deleteBus). Missing pieces are fine. */
export const deprovisionMessaging = async (
  clients: MessagingClients,
  declaration: ServiceDeclaration,
  env: string,
): Promise<void> => {
  const names = resourceNames(declaration.service, env);
  try {
    await deleteRules(clients.eventBridge, declaration, env, busNameOf(env));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  for (const name of [names.queue, names.deadLetterQueue]) await deleteQueue(clients.sqs, name);
};

const deleteQueue = async (sqs: SQSClient, name: string): Promise<void> => {
  let url: string | undefined;
  try {
    url = (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
  } catch {
    return; // already gone (error names differ between AWS and emulators)
  }
  await sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
};
