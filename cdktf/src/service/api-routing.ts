// The service's share of the shared load balancer: a target group of its API tasks, health-checked,
// and a listener rule sending its path patterns there.
import { LbListenerRule } from '@cdktf/provider-aws/lib/lb-listener-rule';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { Construct } from 'constructs';
import { API_HEALTH_CHECK_PATH, API_PORT } from '../service-profiles';

export interface ApiRoutingProps {
  readonly targetGroupName: string;
  readonly vpcId: string;
  readonly listenerArn: string;
  readonly pathPatterns: readonly string[];
  readonly priority: number;
}

export class ApiRouting extends Construct {
  readonly targetGroup: LbTargetGroup;
  readonly rule: LbListenerRule;

  constructor(scope: Construct, id: string, props: ApiRoutingProps) {
    super(scope, id);
    this.targetGroup = new LbTargetGroup(this, 'targets', {
      name: props.targetGroupName,
      vpcId: props.vpcId,
      targetType: 'ip',
      protocol: 'HTTP',
      port: API_PORT,
      // Long enough for in-flight requests, short enough for quick deploys; SSE clients reconnect.
      deregistrationDelay: '30',
      healthCheck: {
        path: API_HEALTH_CHECK_PATH,
        matcher: '200',
        interval: 15,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      },
    });
    this.rule = new LbListenerRule(this, 'rule', {
      listenerArn: props.listenerArn,
      priority: props.priority,
      condition: [{ pathPattern: { values: [...props.pathPatterns] } }],
      action: [{ type: 'forward', targetGroupArn: this.targetGroup.arn }],
    });
  }
}
