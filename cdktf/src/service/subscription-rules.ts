// One EventBridge rule per subscription of the service's declaration, with eventPatternOf(sub) as
// its pattern and the service's inbox as its only target; the queue policies let exactly these
// rules in. An event EventBridge cannot deliver goes to the DLQ instead of being dropped.
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { eventPatternOf, resourceNames, type ServiceDeclaration } from '@mediaflow/topology';
import { Construct } from 'constructs';

interface SubscriptionRulesProps {
  readonly declaration: ServiceDeclaration;
  readonly env: string;
  /** The bus name, read from the foundation's parameters. */
  readonly busName: string;
  readonly inbox: SqsQueue;
  readonly deadLetterQueue: SqsQueue;
}

export class SubscriptionRules extends Construct {
  readonly rules: CloudwatchEventRule[];

  constructor(scope: Construct, id: string, props: SubscriptionRulesProps) {
    super(scope, id);
    const { declaration, inbox, deadLetterQueue } = props;
    const names = resourceNames(declaration.service, props.env);
    this.rules = declaration.subscriptions.map((subscription, i) => {
      const rule = new CloudwatchEventRule(this, `rule-${i}`, {
        name: names.rule(i),
        eventBusName: props.busName,
        eventPattern: JSON.stringify(eventPatternOf(subscription)),
        description: `${declaration.service} consumes ${subscription.from}/${subscription.event} v${subscription.versions.join(',')}`,
      });
      new CloudwatchEventTarget(this, `target-${i}`, {
        rule: rule.name,
        eventBusName: props.busName,
        targetId: 'inbox',
        arn: inbox.arn,
        deadLetterConfig: { arn: deadLetterQueue.arn },
        retryPolicy: { maximumEventAgeInSeconds: 24 * 3600, maximumRetryAttempts: 185 },
      });
      return rule;
    });
    // A service that subscribes to nothing gets no policy: its inbox accepts nothing from the bus.
    if (this.rules.length === 0) return;
    const ruleArns = this.rules.map((r) => r.arn);
    for (const [key, queue] of [['inbox', inbox], ['dead-letter-queue', deadLetterQueue]] as const) {
      const policy = new DataAwsIamPolicyDocument(this, `${key}-policy-document`, {
        statement: [
          {
            sid: 'SubscriptionRulesSend',
            actions: ['sqs:SendMessage'],
            resources: [queue.arn],
            principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
            condition: [{ test: 'ArnEquals', variable: 'aws:SourceArn', values: ruleArns }],
          },
        ],
      });
      new SqsQueuePolicy(this, `${key}-policy`, { queueUrl: queue.url, policy: policy.json });
    }
  }
}
