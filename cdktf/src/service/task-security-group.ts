// The security groups of a service's tasks. The api and worker: out to anywhere (AWS APIs, webhook
// receivers, JWKS), in only from the load balancer on the API port, and only for a service that has
// an API. The ffmpeg runner, which parses untrusted media: nothing in, and out only over HTTPS to S3
// and DynamoDB (their gateway endpoints' prefix lists) and to the VPC's interface endpoints (ECR
// for its image, CloudWatch Logs for its log stream) — no internet, so a compromised demuxer has
// nowhere to call home.
import { DataAwsPrefixList } from '@cdktf/provider-aws/lib/data-aws-prefix-list';
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
  new VpcSecurityGroupEgressRule(scope, `${id}-out`, {
    securityGroupId: group.id,
    description: 'AWS APIs, webhook receivers and the identity provider, through the NAT gateway or the VPC endpoints',
    cidrIpv4: '0.0.0.0/0',
    ipProtocol: '-1',
  });
  if (props.api) {
    new VpcSecurityGroupIngressRule(scope, `${id}-in-from-load-balancer`, {
      securityGroupId: group.id,
      description: 'the load balancer to the API port',
      referencedSecurityGroupId: props.api.loadBalancerSecurityGroupId,
      ipProtocol: 'tcp',
      fromPort: props.api.port,
      toPort: props.api.port,
    });
  }
  return group;
};

interface RunnerSecurityGroupProps {
  readonly name: string;
  readonly vpcId: string;
  readonly region: string;
  /** The foundation's interface endpoints' group. */
  readonly endpointsSecurityGroupId: string;
}

/** The AWS services the runner reaches through gateway endpoints, by prefix list. */
export const RUNNER_GATEWAY_SERVICES = ['s3', 'dynamodb'] as const;

export const runnerSecurityGroup = (scope: Construct, id: string, props: RunnerSecurityGroupProps): SecurityGroup => {
  const group = new SecurityGroup(scope, id, {
    name: props.name,
    description: `${props.name}: the ffmpeg runner, HTTPS to S3, DynamoDB and the VPC endpoints only`,
    // Terraform removes AWS's default allow-all egress rule from a group it creates: only the rules below remain.
    vpcId: props.vpcId,
  });
  for (const service of RUNNER_GATEWAY_SERVICES) {
    const prefixList = new DataAwsPrefixList(scope, `${id}-${service}-prefix-list`, { name: `com.amazonaws.${props.region}.${service}` });
    new VpcSecurityGroupEgressRule(scope, `${id}-out-to-${service}`, {
      securityGroupId: group.id,
      description: `HTTPS to ${service} through its gateway endpoint`,
      prefixListId: prefixList.id,
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
    });
  }
  new VpcSecurityGroupEgressRule(scope, `${id}-out-to-endpoints`, {
    securityGroupId: group.id,
    description: 'HTTPS to the interface endpoints (ECR image pull, CloudWatch Logs)',
    referencedSecurityGroupId: props.endpointsSecurityGroupId,
    ipProtocol: 'tcp',
    fromPort: 443,
    toPort: 443,
  });
  return group;
};
