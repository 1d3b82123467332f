// The team's own stack: the subscriber kit on mediaflow's bus (its ARN from mediaflow's SSM
// parameter `/mediaflow/<env>/bus/arn`, given here as a variable) and an SNS topic for the alarms.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { MediaflowSubscriber } from '@mediaflow/cdktf/subscriber';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { subscription } from './subscription';

export class ExampleSubscriberStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: { region: string }) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: props.region });
    const busArn = new TerraformVariable(this, 'mediaflow_bus_arn', {
      type: 'string',
      description: "mediaflow's bus: aws ssm get-parameter --name /mediaflow/<env>/bus/arn",
    });
    const alarms = new SnsTopic(this, 'alarms', { name: `${subscription.name}-alarms` });
    const kit = new MediaflowSubscriber(this, 'mediaflow', {
      subscriber: subscription,
      bus: busArn.stringValue,
      alarmActions: [alarms.arn],
    });
    new TerraformOutput(this, 'queue_url', { value: kit.queue.url });
    new TerraformOutput(this, 'rule_arns', { value: kit.rules.map((r) => r.arn) });
  }
}
