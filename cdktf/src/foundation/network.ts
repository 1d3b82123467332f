// The VPC: two public subnets (load balancer, NAT gateway) and two private ones (every task), in two
// zones. Private egress goes through one NAT gateway — webhooks and JWKS are on the open internet —
// while S3 and DynamoDB, where the bulk of the bytes go, use free gateway endpoints instead.
// Interface endpoints for ECR and CloudWatch Logs let a task with no internet route (the ffmpeg
// runner) pull its image and ship its logs, and with a warm floor an SQS one lets the warm runners
// read their queue; the default security group allows nothing, and every
// flow is logged (rejected ones are what an incident review wants), a year, with the environment key.
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { encryptedLogGroup } from '../log-group';
import { foundationNames } from '../naming/infra-names';
import { TaskRole } from '../service/task-role';

export const VPC_CIDR = '10.40.0.0/16';
const PUBLIC_CIDRS = ['10.40.0.0/20', '10.40.16.0/20'];
// Private subnets are larger: every Fargate task (and each runner) takes an address.
const PRIVATE_CIDRS = ['10.40.128.0/18', '10.40.192.0/18'];
/** Interface endpoints: image pulls (ECR API and registry) and the awslogs driver, from inside the VPC. */
export const INTERFACE_ENDPOINTS = ['ecr.api', 'ecr.dkr', 'logs'] as const;
/** With a warm floor (MEDIAFLOW_RUNNER_WARM_FLOOR > 0): the warm runners take attempts from SQS, with no internet route. */
export const WARM_FLOOR_INTERFACE_ENDPOINTS = ['sqs'] as const;

export class Network extends Construct {
  readonly vpc: Vpc;
  readonly publicSubnets: Subnet[];
  readonly privateSubnets: Subnet[];

  /** The security group of the interface endpoints: tasks that may reach them get an egress rule to it. */
  readonly endpointsSecurityGroup: SecurityGroup;
  /** The gateway endpoints by service: their managed prefix lists are what a task's egress may name. */
  readonly gatewayEndpoints: Record<'s3' | 'dynamodb', VpcEndpoint>;

  constructor(scope: Construct, id: string, props: { env: string; region: string; accountId: string; kmsKeyArn: string; warmFloor: boolean }) {
    super(scope, id);
    const names = foundationNames(props.env);
    const zones = new DataAwsAvailabilityZones(this, 'zones', { state: 'available' });
    this.vpc = new Vpc(this, 'vpc', { cidrBlock: VPC_CIDR, enableDnsHostnames: true, enableDnsSupport: true, tags: { Name: names.vpc } });
    // Terraform takes over the VPC's default group and leaves it with no rule: nothing uses it by accident.
    new DefaultSecurityGroup(this, 'default-security-group', { vpcId: this.vpc.id, tags: { Name: `${names.vpc}-default-deny` } });
    this.flowLogs(names.flowLogs, names.flowLogsRole, props);
    const subnet = (tier: 'public' | 'private', cidr: string, index: number): Subnet =>
      new Subnet(this, `${tier}-${index}`, {
        vpcId: this.vpc.id,
        cidrBlock: cidr,
        availabilityZone: Fn.element(zones.names, index),
        mapPublicIpOnLaunch: false,
        tags: { Name: names.subnet(tier, index), tier },
      });
    this.publicSubnets = PUBLIC_CIDRS.map((cidr, i) => subnet('public', cidr, i));
    this.privateSubnets = PRIVATE_CIDRS.map((cidr, i) => subnet('private', cidr, i));

    const internet = new InternetGateway(this, 'internet', { vpcId: this.vpc.id, tags: { Name: names.vpc } });
    const publicRoutes = new RouteTable(this, 'public-routes', { vpcId: this.vpc.id, tags: { Name: `${names.vpc}-public` } });
    new Route(this, 'public-default', { routeTableId: publicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: internet.id });

    // One NAT gateway, not one per zone: a zone outage pauses egress (webhooks retry), at half the cost.
    const natAddress = new Eip(this, 'nat-address', { domain: 'vpc', tags: { Name: names.natGateway } });
    const [firstPublic] = this.publicSubnets;
    const nat = new NatGateway(this, 'nat', { allocationId: natAddress.id, subnetId: firstPublic!.id, dependsOn: [internet], tags: { Name: names.natGateway } });
    const privateRoutes = new RouteTable(this, 'private-routes', { vpcId: this.vpc.id, tags: { Name: `${names.vpc}-private` } });
    new Route(this, 'private-default', { routeTableId: privateRoutes.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });

    this.publicSubnets.forEach((s, i) => new RouteTableAssociation(this, `public-${i}-routes`, { subnetId: s.id, routeTableId: publicRoutes.id }));
    this.privateSubnets.forEach((s, i) => new RouteTableAssociation(this, `private-${i}-routes`, { subnetId: s.id, routeTableId: privateRoutes.id }));

    const gateway = (service: 's3' | 'dynamodb'): VpcEndpoint =>
      new VpcEndpoint(this, `${service}-endpoint`, {
        vpcId: this.vpc.id,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: 'Gateway',
        routeTableIds: [privateRoutes.id],
        tags: { Name: `${names.vpc}-${service}` },
      });
    this.gatewayEndpoints = { s3: gateway('s3'), dynamodb: gateway('dynamodb') };

    this.endpointsSecurityGroup = new SecurityGroup(this, 'endpoints-security-group', {
      name: names.endpointsSecurityGroup,
      description: 'mediaflow interface endpoints: HTTPS from the VPC',
      vpcId: this.vpc.id,
    });
    new VpcSecurityGroupIngressRule(this, 'endpoints-in', {
      securityGroupId: this.endpointsSecurityGroup.id,
      description: 'HTTPS from the tasks of the VPC',
      cidrIpv4: VPC_CIDR,
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
    });
    for (const service of [...INTERFACE_ENDPOINTS, ...(props.warmFloor ? WARM_FLOOR_INTERFACE_ENDPOINTS : [])]) {
      new VpcEndpoint(this, `${service.replace('.', '-')}-endpoint`, {
        vpcId: this.vpc.id,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: 'Interface',
        privateDnsEnabled: true,
        subnetIds: this.privateSubnets.map((s) => s.id),
        securityGroupIds: [this.endpointsSecurityGroup.id],
        tags: { Name: `${names.vpc}-${service}` },
      });
    }
  }

  private flowLogs(logGroupName: string, roleName: string, props: { accountId: string; kmsKeyArn: string }): void {
    const group = encryptedLogGroup(this, 'flow-logs', { name: logGroupName, kmsKeyArn: props.kmsKeyArn });
    const role = new TaskRole(this, 'flow-logs-role', {
      name: roleName,
      accountId: props.accountId,
      service: 'vpc-flow-logs.amazonaws.com',
      statements: [
        {
          sid: 'WriteFlowLogs',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [group.arn, `${group.arn}:*`],
        },
      ],
    }).role;
    new FlowLog(this, 'flow-log', {
      vpcId: this.vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: group.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 600,
    });
  }
}
