// The subscriber kit synthesized in a stack of "another team": rules on mediaflow's bus with the
// patterns topology computes, the team's queue redriving to its DLQ, policies letting only those
// rules in, the explicit 24 h / 185 retry with the DLQ as target DLQ, and the two alarms.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { eventPatternOf, subscriberNames } from '@mediaflow/topology';
import { TerraformStack, Testing } from 'cdktf';
import { MediaflowSubscriber, declareSubscriber } from '../src/subscriber';
import { referencedResource } from './support/references';
import { dataSources, only, resources, type StackJson } from './support/synthesized-app';

const BUS_ARN = 'arn:aws:events:eu-west-1:111122223333:event-bus/mediaflow-prod';
const subscriber = declareSubscriber({
  name: 'acme-archive',
  subscriptions: [
    { from: 'jobs', event: 'JobCompleted', versions: [1] },
    { from: 'jobs', event: 'JobFailed', versions: [1] },
  ],
  maxReceiveCount: 4,
});
const names = subscriberNames(subscriber.name);

const synth = (extra: Partial<ConstructorParameters<typeof MediaflowSubscriber>[2]> = {}): StackJson => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'acme');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new MediaflowSubscriber(stack, 'mediaflow', { subscriber, bus: BUS_ARN, alarmActions: ['arn:aws:sns:eu-west-1:444455556666:ops'], ...extra });
  return JSON.parse(Testing.synth(stack)) as StackJson;
};

describe('the subscriber kit', () => {
  const stack = synth();
  const rules = resources(stack, 'aws_cloudwatch_event_rule');
  const ruleArns = rules.map((r) => `\${aws_cloudwatch_event_rule.${r.logicalId}.arn}`);

  it('puts one rule per chosen event on mediaflow’s bus, with the pattern the services would get', () => {
    expect(rules.map((r) => r.name)).toEqual([names.rule(0), names.rule(1)]);
    rules.forEach((rule, i) => {
      expect(JSON.parse(String(rule.event_pattern))).toEqual(eventPatternOf(subscriber.subscriptions[i]!));
      expect(rule.event_bus_name).toBe(BUS_ARN);
    });
  });

  it('targets the team’s queue with an explicit 24 h / 185 attempts retry policy and the DLQ as target DLQ', () => {
    const targets = resources(stack, 'aws_cloudwatch_event_target');
    expect(targets).toHaveLength(2);
    for (const target of targets) {
      expect(referencedResource(stack, target.arn)?.name).toBe(names.queue);
      expect(referencedResource(stack, (target.dead_letter_config as { arn: string }).arn)?.name).toBe(names.deadLetterQueue);
      expect(target.retry_policy).toEqual({ maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 });
      expect(target.event_bus_name).toBe(BUS_ARN);
    }
  });

  it('redrives the queue to its DLQ after the declared receives', () => {
    const queue = only(resources(stack, 'aws_sqs_queue').filter((q) => q.name === names.queue), 'queue');
    const redrive = JSON.parse(String(queue.redrive_policy)) as { deadLetterTargetArn: string; maxReceiveCount: number };
    expect(redrive.maxReceiveCount).toBe(4);
    expect(referencedResource(stack, redrive.deadLetterTargetArn)?.name).toBe(names.deadLetterQueue);
    expect(queue.sqs_managed_sse_enabled).toBe(true);
  });

  it('lets only its rules, through events.amazonaws.com, send to the queue and the DLQ', () => {
    const policies = resources(stack, 'aws_sqs_queue_policy');
    expect(policies.map((p) => referencedResource(stack, p.queue_url)?.name).sort()).toEqual([names.queue, names.deadLetterQueue]);
    for (const policy of policies) {
      const document = only(dataSources(stack, 'aws_iam_policy_document').filter((d) => policy.policy === `\${data.aws_iam_policy_document.${d.logicalId}.json}`), 'policy document');
      expect(document.statement).toEqual([
        expect.objectContaining({
          actions: ['sqs:SendMessage'],
          principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
          condition: [{ test: 'ArnEquals', variable: 'aws:SourceArn', values: ruleArns }],
        }),
      ]);
    }
  });

  it('alarms when the DLQ is not empty and when the oldest message is too old', () => {
    const alarms = resources(stack, 'aws_cloudwatch_metric_alarm');
    const byName = Object.fromEntries(alarms.map((a) => [a.alarm_name, a]));
    expect(byName[names.alarm('dlq-not-empty')]).toMatchObject({
      metric_name: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: names.deadLetterQueue }, threshold: 0,
      alarm_actions: ['arn:aws:sns:eu-west-1:444455556666:ops'],
    });
    expect(byName[names.alarm('oldest-message')]).toMatchObject({
      metric_name: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: names.queue }, threshold: 900,
    });
    const custom = resources(synth({ oldestMessageAlarmSeconds: 120 }), 'aws_cloudwatch_metric_alarm');
    expect(custom.find((a) => a.alarm_name === names.alarm('oldest-message'))?.threshold).toBe(120);
  });

  it('refuses a declaration with no subscription', () => {
    expect(() => synth({ subscriber: { name: 'acme', subscriptions: [] } })).toThrow(/subscribes to nothing/);
  });
});
