// The foundation stack: everything the services share — KMS key, media buckets, bus and archive,
// network, load balancer, ECS cluster, image repositories, alarm topic, URL signing secret —
// published to SSM.
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { MediaflowStack } from '../mediaflow-stack';
import type { InfraSettings } from '../settings';
import { foundationNames } from '../naming/infra-names';
import { AccessLogsBucket } from '../access-logs-bucket';
import { AlarmTopic } from './alarm-topic';
import { ContainerPlatform } from './container-platform';
import { EncryptionKey } from './encryption-key';
import { EventBus } from './event-bus';
import { LoadBalancer } from './load-balancer';
import { MediaBuckets } from './media-buckets';
import { Network, VPC_CIDR } from './network';
import { PublishedParameters } from './published-parameters';
import { SchemaRegistry } from './schema-registry';
import { UrlSigningSecret } from './url-signing-secret';

const FOUNDATION_STACK = 'foundation';

export class FoundationStack extends MediaflowStack {
  constructor(scope: Construct, settings: InfraSettings) {
    super(scope, FOUNDATION_STACK, settings);
    const { env } = settings;
    const accountId = new DataAwsCallerIdentity(this, 'account').accountId;
    const { key } = new EncryptionKey(this, 'encryption', { env, region: settings.region });
    const accessLogs = new AccessLogsBucket(this, 'access-logs', { name: foundationNames(env).accessLogsBucket, accountId, delivers: 'load-balancer' });
    const buckets = new MediaBuckets(this, 'media', { env, kmsKeyArn: key.arn, corsAllowedOrigins: settings.corsAllowedOrigins, accessLogs });
    const { bus } = new EventBus(this, 'events', { env, archiveRetentionDays: settings.archiveRetentionDays });
    const { registry } = new SchemaRegistry(this, 'schemas', { env });
    const network = new Network(this, 'network', { env, region: settings.region, accountId, kmsKeyArn: key.arn, warmFloor: settings.warmFloor.floor > 0 });
    const alb = new LoadBalancer(this, 'load-balancer', {
      env,
      vpcId: network.vpc.id,
      vpcCidr: VPC_CIDR,
      publicSubnetIds: network.publicSubnets.map((s) => s.id),
      ...(settings.certificateArn ? { certificateArn: settings.certificateArn } : {}),
      accessLogsBucket: accessLogs.bucket.bucket,
      ...(settings.waf ? { waf: { kmsKeyArn: key.arn } } : {}),
    });
    const platform = new ContainerPlatform(this, 'containers', { env, kmsKeyArn: key.arn });
    const { topic } = new AlarmTopic(this, 'alarms', { env, kmsKeyId: key.arn });
    const signing = new UrlSigningSecret(this, 'url-signing', { env, kmsKeyArn: key.arn });

    new PublishedParameters(this, 'parameters', {
      env,
      values: {
        busArn: bus.arn,
        busName: bus.name,
        uploadsBucketName: buckets.uploads.bucket,
        uploadsBucketArn: buckets.uploads.arn,
        outputsBucketName: buckets.outputs.bucket,
        outputsBucketArn: buckets.outputs.arn,
        kmsKeyArn: key.arn,
        clusterArn: platform.cluster.arn,
        clusterName: platform.cluster.name,
        vpcId: network.vpc.id,
        endpointsSecurityGroupId: network.endpointsSecurityGroup.id,
        privateSubnetIds: network.privateSubnets.map((s) => s.id),
        publicSubnetIds: network.publicSubnets.map((s) => s.id),
        listenerArn: alb.listener.arn,
        loadBalancerSecurityGroupId: alb.securityGroup.id,
        loadBalancerDnsName: alb.loadBalancer.dnsName,
        loadBalancerArnSuffix: alb.loadBalancer.arnSuffix,
        servicesRepositoryUrl: platform.servicesRepository.repositoryUrl,
        servicesRepositoryArn: platform.servicesRepository.arn,
        runnerRepositoryUrl: platform.runnerRepository.repositoryUrl,
        runnerRepositoryArn: platform.runnerRepository.arn,
        alarmTopicArn: topic.arn,
        urlSigningSecretArn: signing.secret.arn,
      },
    });

    // For people and scripts after `cdktf deploy foundation` (the service stacks read SSM instead).
    const scheme = settings.certificateArn ? 'https' : 'http';
    new TerraformOutput(this, 'api_url', { value: `${scheme}://${alb.loadBalancer.dnsName}` });
    new TerraformOutput(this, 'services_repository_url', { value: platform.servicesRepository.repositoryUrl });
    new TerraformOutput(this, 'schema_registry_name', { value: registry.name });
    new TerraformOutput(this, 'runner_repository_url', { value: platform.runnerRepository.repositoryUrl });
  }
}
