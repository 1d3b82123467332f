// The VPC: two public subnets (load balancer, NAT gateway) and two private ones (every task), in two
// zones. Private egress goes through one NAT gateway — webhooks and JWKS are on the open internet —
// while S3 and DynamoDB, where the bulk of the bytes go, use free gateway endpoints instead.
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
import { foundationNames } from '../naming/infra-names';

export const VPC_CIDR = '10.40.0.0/16';
const PUBLIC_CIDRS = ['10.40.0.0/20', '10.40.16.0/20'];
// Private subnets are larger: every Fargate task (and each runner) takes an address.
const PRIVATE_CIDRS = ['10.40.128.0/18', '10.40.192.0/18'];

export class Network extends Construct {
  readonly vpc: Vpc;
  readonly publicSubnets: Subnet[];
  readonly privateSubnets: Subnet[];

  constructor(scope: Construct, id: string, props: { env: string; region: string }) {
    super(scope, id);
    const names = foundationNames(props.env);
    const zones = new DataAwsAvailabilityZones(this, 'zones', { state: 'available' });
    this.vpc = new Vpc(this, 'vpc', { cidrBlock: VPC_CIDR, enableDnsHostnames: true, enableDnsSupport: true, tags: { Name: names.vpc } });
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

    for (const service of ['s3', 'dynamodb']) {
      new VpcEndpoint(this, `${service}-endpoint`, {
        vpcId: this.vpc.id,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: 'Gateway',
        routeTableIds: [privateRoutes.id],
        tags: { Name: `${names.vpc}-${service}` },
      });
    }
  }
}
