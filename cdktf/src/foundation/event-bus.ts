// The environment's EventBridge bus, which every service publishes to, and its archive: a replay
// can rebuild a read model or re-drive a consumer after a bug fix.
import { CloudwatchEventArchive } from '@cdktf/provider-aws/lib/cloudwatch-event-archive';
import { CloudwatchEventBus } from '@cdktf/provider-aws/lib/cloudwatch-event-bus';
import { busName } from '@mediaflow/topology';
import { Construct } from 'constructs';
import { foundationNames } from '../naming/infra-names';

export class EventBus extends Construct {
  readonly bus: CloudwatchEventBus;

  constructor(scope: Construct, id: string, props: { env: string; archiveRetentionDays: number }) {
    super(scope, id);
    this.bus = new CloudwatchEventBus(this, 'bus', { name: busName(props.env) });
    new CloudwatchEventArchive(this, 'archive', {
      name: foundationNames(props.env).archive,
      eventSourceArn: this.bus.arn,
      retentionDays: props.archiveRetentionDays,
      description: 'every mediaflow event of the environment, for replay',
    });
  }
}
