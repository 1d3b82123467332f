// The internet-facing load balancer shared by the API services. It owns only the listener (HTTPS
// when a certificate is given, HTTP otherwise) with a 404 default; each service stack adds its own
// path rules and target group, so a service deploys without touching the foundation. Its access logs
// go to the environment's log bucket, deletion needs protection turned off first, and (unless
// MEDIAFLOW_WAF=off) a WAF web ACL of AWS managed rule groups screens every request.
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener, type LbListenerDefaultAction } from '@cdktf/provider-aws/lib/lb-listener';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { Construct } from 'constructs';
import { foundationNames } from '../naming/infra-names';
import { WebAcl } from '../web-acl';
import { LOAD_BALANCER_LOGS_PREFIX } from '../access-logs-bucket';

interface LoadBalancerProps {
  readonly env: string;
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly publicSubnetIds: string[];
  readonly certificateArn?: string;
  /** The access-logs bucket's name. */
  readonly accessLogsBucket: string;
  /** Put a WAF web ACL in front (MEDIAFLOW_WAF, on by default); its logs are encrypted with this key. */
  readonly waf?: { readonly kmsKeyArn: string };
}

const NOT_FOUND: LbListenerDefaultAction = {
  type: 'fixed-response',
  fixedResponse: {
    contentType: 'application/problem+json',
    statusCode: '404',
    messageBody: JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, code: 'ROUTE_NOT_FOUND' }),
  },
};

export class LoadBalancer extends Construct {
  readonly loadBalancer: Lb;
  readonly securityGroup: SecurityGroup;
  /** The listener the services attach their rules to. */
  readonly listener: LbListener;

  constructor(scope: Construct, id: string, props: LoadBalancerProps) {
    super(scope, id);
    const names = foundationNames(props.env);
    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: names.loadBalancerSecurityGroup,
      description: 'mediaflow load balancer: the internet in, the tasks out',
      vpcId: props.vpcId,
    });
    const ports = props.certificateArn ? [80, 443] : [80];
    for (const port of ports) {
      const description = port === 443 ? 'HTTPS from the internet' : props.certificateArn ? 'HTTP from the internet, redirected to HTTPS' : 'HTTP from the internet';
      new VpcSecurityGroupIngressRule(this, `in-${port}`, { securityGroupId: this.securityGroup.id, description, cidrIpv4: '0.0.0.0/0', ipProtocol: 'tcp', fromPort: port, toPort: port });
    }
    new VpcSecurityGroupEgressRule(this, 'out-to-vpc', {
      securityGroupId: this.securityGroup.id,
      description: 'to the API tasks in the VPC',
      cidrIpv4: props.vpcCidr,
      ipProtocol: 'tcp',
      fromPort: 1024,
      toPort: 65535,
    });

    this.loadBalancer = new Lb(this, 'alb', {
      name: names.loadBalancer,
      loadBalancerType: 'application',
      internal: false,
      subnets: props.publicSubnetIds,
      securityGroups: [this.securityGroup.id],
      dropInvalidHeaderFields: true,
      // /v1/events is a Server-Sent Events stream: the API sends a heartbeat well inside this.
      idleTimeout: 300,
      // Like the tables: `cdktf destroy` of an environment is a deliberate two-step.
      enableDeletionProtection: true,
      accessLogs: { bucket: props.accessLogsBucket, prefix: LOAD_BALANCER_LOGS_PREFIX, enabled: true },
    });
    if (props.waf) {
      const { acl } = new WebAcl(this, 'waf', {
        name: names.loadBalancerWebAcl,
        scope: 'REGIONAL',
        logGroupName: names.loadBalancerWafLogs,
        kmsKeyArn: props.waf.kmsKeyArn,
      });
      new Wafv2WebAclAssociation(this, 'waf-association', { resourceArn: this.loadBalancer.arn, webAclArn: acl.arn });
    }

    if (!props.certificateArn) {
      this.listener = new LbListener(this, 'http', { loadBalancerArn: this.loadBalancer.arn, port: 80, protocol: 'HTTP', defaultAction: [NOT_FOUND] });
      return;
    }
    this.listener = new LbListener(this, 'https', {
      loadBalancerArn: this.loadBalancer.arn,
      port: 443,
      protocol: 'HTTPS',
      certificateArn: props.certificateArn,
      sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      defaultAction: [NOT_FOUND],
    });
    new LbListener(this, 'http-redirect', {
      loadBalancerArn: this.loadBalancer.arn,
      port: 80,
      protocol: 'HTTP',
      defaultAction: [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } }],
    });
  }
}
