// The service's share of the shared load balancer: a target group of its API tasks, health-checked,
// a listener rule sending its path patterns there, and one more for its own OpenAPI document.
import { LbListenerRule } from '@cdktf/provider-aws/lib/lb-listener-rule';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { SERVICES, type ServiceName } from '@mediaflow/contracts';
import { serviceOpenApiPath } from '@mediaflow/http/openapi-paths';
import { Construct } from 'constructs';
import { serviceCommands } from '../service-commands';
import { API_HEALTH_CHECK_PATH, API_PORT, serviceProfiles } from '../service-profiles';

/** AWS takes at most three values in a rule's one path-pattern condition. */
const MAX_PATH_PATTERNS_PER_RULE = 3;

/** The services with an api behind the load balancer (a profile `api` and an api command), in SERVICES order. */
export const routedApiServices = (): ServiceName[] => SERVICES.filter((service) => serviceProfiles[service].api !== undefined && serviceCommands[service].api !== undefined);

interface ApiRoutingProps {
  readonly service: ServiceName;
  readonly targetGroupName: string;
  readonly vpcId: string;
  readonly listenerArn: string;
  readonly pathPatterns: readonly string[];
  /** The route rule's priority; the document rule takes the next one, so profiles keep theirs 10 apart. */
  readonly priority: number;
  /** Documents routed here besides /openapi/<service>.json (e.g. /asyncapi.json), in the document rule. */
  readonly documentPaths?: readonly string[];
}

export class ApiRouting extends Construct {
  readonly targetGroup: LbTargetGroup;
  readonly rule: LbListenerRule;
  /**
   * The service's own OpenAPI document (/openapi/<service>.json, which runAwsProcess('api') serves) and
   * its `documentPaths`, in a rule of their own: the route rule may already hold three patterns (jobs' does).
   */
  readonly documentRule: LbListenerRule;

  constructor(scope: Construct, id: string, props: ApiRoutingProps) {
    super(scope, id);
    const documents = [serviceOpenApiPath(props.service), ...(props.documentPaths ?? [])];
    if (props.pathPatterns.length > MAX_PATH_PATTERNS_PER_RULE) {
      throw new Error(`${props.service}: ${props.pathPatterns.length} API path patterns, but a listener rule takes at most ${MAX_PATH_PATTERNS_PER_RULE}`);
    }
    if (documents.length > MAX_PATH_PATTERNS_PER_RULE) {
      throw new Error(`${props.service}: ${documents.length} document paths, but a listener rule takes at most ${MAX_PATH_PATTERNS_PER_RULE}`);
    }
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
    const forward = (ruleId: string, priority: number, values: readonly string[]): LbListenerRule =>
      new LbListenerRule(this, ruleId, {
        listenerArn: props.listenerArn,
        priority,
        condition: [{ pathPattern: { values: [...values] } }],
        action: [{ type: 'forward', targetGroupArn: this.targetGroup.arn }],
      });
    this.rule = forward('rule', props.priority, props.pathPatterns);
    this.documentRule = forward('document-rule', props.priority + 1, documents);
  }
}
