// The SNS topic every alarm of the environment notifies; subscribe an e-mail, chat or pager to it.
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Construct } from 'constructs';
import { foundationNames } from '../naming/infra-names';

export class AlarmTopic extends Construct {
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: { env: string; kmsKeyId: string }) {
    super(scope, id);
    this.topic = new SnsTopic(this, 'topic', { name: foundationNames(props.env).alarmTopic, kmsMasterKeyId: props.kmsKeyId });
  }
}
