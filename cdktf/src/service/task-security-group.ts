// The security group of a service's tasks: out to anywhere (AWS APIs, webhook receivers, JWKS),
// in only from the load balancer on the API port, and only for a service that has an API.
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import type { Construct } from 'constructs';

interface TaskSecurityGroupProps {
  readonly name: string;
  readonly vpcId: string;
  /** The load balancer's group and the API port, when the service has an API. */
  readonly api?: { readonly loadBalancerSecurityGroupId: string; readonly port: number };
}

export const taskSecurityGroup = (scope: Construct, id: string, props: TaskSecurityGroupProps): SecurityGroup => {
  const group = new SecurityGroup(scope, id, { name: props.name, description: `${props.name}: mediaflow tasks`, vpcId: props.vpcId });
  new VpcSecurityGroupEgressRule(scope, `${id}-out`, { securityGroupId: group.id, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1' });
  if (props.api) {
    new VpcSecurityGroupIngressRule(scope, `${id}-in-from-load-balancer`, {
      securityGroupId: group.id,
      referencedSecurityGroupId: props.api.loadBalancerSecurityGroupId,
      ipProtocol: 'tcp',
      fromPort: props.api.port,
      toPort: props.api.port,
    });
  }
  return group;
};
