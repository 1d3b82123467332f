// The messaging of every service stack is its declaration, exactly: one rule per subscription with
// the pattern eventPatternOf(sub) and the service's own inbox as its only target; the inbox lets in
// exactly those rules, dead-letters after the declared attempts; every DLQ and inbox is alarmed.
import { SERVICES, type ServiceName } from '@mediaflow/contracts';
import { eventPatternOf, resourceNames } from '@mediaflow/topology';
import { declarations } from './support/declarations';
import { describeReferences, referencedResource } from './support/references';
import { dataSources, only, resources, synthesizeStacks, TEST_ENV, type Found, type StackJson } from './support/synthesized-app';

const declarationOf = (service: ServiceName) => declarations[service];
const isDeadLetterQueue = (q: Found) => String(q.name).endsWith('-dlq');

let stacks: Record<string, StackJson>;
beforeAll(() => {
  stacks = synthesizeStacks();
});

describe('subscription rules from the declarations', () => {
  it.each(SERVICES)('%s: one rule per declared subscription, with its pattern, on the environment bus', (service) => {
    const stack = stacks[service]!;
    const { subscriptions } = declarationOf(service);
    const rules = resources(stack, 'aws_cloudwatch_event_rule');
    expect(rules).toHaveLength(subscriptions.length);
    subscriptions.forEach((subscription, i) => {
      const rule = only(rules.filter((r) => r.name === resourceNames(service, TEST_ENV).rule(i)), `rule ${i} of ${service}`);
      expect(JSON.parse(String(rule.event_pattern))).toEqual(eventPatternOf(subscription));
      expect(describeReferences(stack, String(rule.event_bus_name))).toBe(`<ssm /mediaflow/${TEST_ENV}/bus/name>`);
    });
  });

  it.each(SERVICES)("%s: every rule targets the service's own inbox, and nothing else", (service) => {
    const stack = stacks[service]!;
    const rules = resources(stack, 'aws_cloudwatch_event_rule');
    const targets = resources(stack, 'aws_cloudwatch_event_target');
    expect(targets).toHaveLength(rules.length);
    for (const rule of rules) {
      const target = only(targets.filter((t) => t.rule === `\${aws_cloudwatch_event_rule.${rule.logicalId}.name}`), `target of ${String(rule.name)}`);
      expect(referencedResource(stack, target.arn)?.name).toBe(resourceNames(service, TEST_ENV).queue);
      expect(referencedResource(stack, (target.dead_letter_config as { arn: string }).arn)?.name).toBe(resourceNames(service, TEST_ENV).deadLetterQueue);
    }
  });

  it.each(SERVICES)('%s: the inbox accepts messages only from its own rules', (service) => {
    const stack = stacks[service]!;
    const ruleArns = resources(stack, 'aws_cloudwatch_event_rule').map((r) => `\${aws_cloudwatch_event_rule.${r.logicalId}.arn}`);
    const policies = resources(stack, 'aws_sqs_queue_policy');
    if (ruleArns.length === 0) {
      expect(policies).toEqual([]);
      return;
    }
    const documents = dataSources(stack, 'aws_iam_policy_document');
    for (const policy of policies) {
      const document = only(documents.filter((d) => policy.policy === `\${data.aws_iam_policy_document.${d.logicalId}.json}`), 'queue policy document');
      const [statement] = document.statement as { actions: string[]; principals: unknown; condition: { test: string; variable: string; values: string[] }[] }[];
      expect(statement!.actions).toEqual(['sqs:SendMessage']);
      expect(statement!.principals).toEqual([{ type: 'Service', identifiers: ['events.amazonaws.com'] }]);
      // A set of ARNs: the synthesized JSON lists resources by logical id (rule-10 before rule-2), the policy in rule order.
      const [condition] = statement!.condition;
      expect(statement!.condition).toHaveLength(1);
      expect(condition).toMatchObject({ test: 'ArnEquals', variable: 'aws:SourceArn' });
      expect([...condition!.values].sort()).toEqual([...ruleArns].sort());
    }
  });
});

describe('queues, dead letters and alarms', () => {
  const allQueues = () => Object.values(stacks).flatMap((stack) => resources(stack, 'aws_sqs_queue').map((queue) => ({ stack, queue })));

  it('has an inbox and a DLQ for every service, named by topology', () => {
    const names = allQueues().map(({ queue }) => queue.name).sort();
    const expected = SERVICES.flatMap((s) => [resourceNames(s, TEST_ENV).queue, resourceNames(s, TEST_ENV).deadLetterQueue]).sort();
    expect(names).toEqual(expected);
  });

  it.each(SERVICES)('%s: its inbox redrives to its DLQ after the declared maxAttempts, with the declared visibility', (service) => {
    const stack = stacks[service]!;
    const { maxAttempts, visibilityTimeoutSeconds } = declarationOf(service);
    for (const queue of resources(stack, 'aws_sqs_queue').filter((q) => !isDeadLetterQueue(q))) {
      const redrive = JSON.parse(String(queue.redrive_policy)) as { deadLetterTargetArn: string; maxReceiveCount: number };
      expect(redrive.maxReceiveCount).toBe(maxAttempts);
      expect(referencedResource(stack, redrive.deadLetterTargetArn)?.name).toBe(resourceNames(service, TEST_ENV).deadLetterQueue);
      expect(queue.visibility_timeout_seconds).toBe(visibilityTimeoutSeconds);
    }
  });

  it('encrypts every queue with the environment key', () => {
    for (const { stack, queue } of allQueues()) {
      expect(describeReferences(stack, String(queue.kms_master_key_id))).toBe(`<ssm /mediaflow/${TEST_ENV}/kms/key-arn>`);
    }
  });

  it('alarms on every DLQ as soon as it holds a message, to the alarm topic', () => {
    const dlqs = allQueues().filter(({ queue }) => isDeadLetterQueue(queue));
    expect(dlqs).toHaveLength(SERVICES.length);
    for (const { stack, queue } of dlqs) {
      const alarm = only(
        resources(stack, 'aws_cloudwatch_metric_alarm').filter((a) => (a.dimensions as { QueueName?: string } | undefined)?.QueueName === queue.name && a.metric_name === 'ApproximateNumberOfMessagesVisible'),
        `DLQ alarm of ${String(queue.name)}`,
      );
      expect(alarm).toMatchObject({ namespace: 'AWS/SQS', threshold: 0, comparison_operator: 'GreaterThanThreshold' });
      expect((alarm.alarm_actions as string[]).map((a) => describeReferences(stack, a))).toEqual([`<ssm /mediaflow/${TEST_ENV}/alarms/topic-arn>`]);
    }
  });

  it('alarms on the age of the oldest message of every inbox', () => {
    for (const { stack, queue } of allQueues().filter(({ queue }) => !isDeadLetterQueue(queue))) {
      const ages = resources(stack, 'aws_cloudwatch_metric_alarm').filter(
        (a) => a.metric_name === 'ApproximateAgeOfOldestMessage' && (a.dimensions as { QueueName?: string }).QueueName === queue.name,
      );
      expect(ages).toHaveLength(1);
    }
  });

  it('alarms on the job failure rate (jobs) and on runner errors (processing), from log metric filters', () => {
    const alarmNames = (service: string) => resources(stacks[service]!, 'aws_cloudwatch_metric_alarm').map((a) => a.alarm_name);
    expect(alarmNames('jobs')).toContain(`mediaflow-${TEST_ENV}-jobs-job-failure-rate`);
    expect(alarmNames('processing')).toContain(`mediaflow-${TEST_ENV}-processing-runner-errors`);
    const filters = (service: string) => resources(stacks[service]!, 'aws_cloudwatch_log_metric_filter').map((f) => f.pattern);
    expect(filters('jobs')).toEqual(['{ $.jobOutcome = "JobCompleted" }', '{ $.jobOutcome = "JobFailed" }']);
    expect(filters('processing')).toEqual(['{ $.level = "ERROR" }']);
  });

  it('gives every service one dashboard', () => {
    for (const service of SERVICES) {
      expect(resources(stacks[service]!, 'aws_cloudwatch_dashboard').map((d) => d.dashboard_name)).toEqual([`mediaflow-${TEST_ENV}-${service}`]);
    }
  });
});
