// The SSM parameters through which the foundation stack hands its resources to the service stacks:
// a service stack deploys alone and never hard-codes a foundation name, it reads these.
import { namePrefix } from '@mediaflow/topology';

export const foundationParameterNames = (env: string) => {
  namePrefix(env); // validates the environment
  const root = `/mediaflow/${env}`;
  return {
    busArn: `${root}/bus/arn`,
    busName: `${root}/bus/name`,
    uploadsBucketName: `${root}/buckets/uploads/name`,
    uploadsBucketArn: `${root}/buckets/uploads/arn`,
    outputsBucketName: `${root}/buckets/outputs/name`,
    outputsBucketArn: `${root}/buckets/outputs/arn`,
    kmsKeyArn: `${root}/kms/key-arn`,
    clusterArn: `${root}/ecs/cluster-arn`,
    clusterName: `${root}/ecs/cluster-name`,
    vpcId: `${root}/network/vpc-id`,
    /** The interface endpoints' (ECR, CloudWatch Logs) group: the runner's only way out besides S3 and DynamoDB. */
    endpointsSecurityGroupId: `${root}/network/endpoints-security-group-id`,
    /** StringList, comma-separated. */
    privateSubnetIds: `${root}/network/private-subnet-ids`,
    /** StringList, comma-separated. */
    publicSubnetIds: `${root}/network/public-subnet-ids`,
    listenerArn: `${root}/alb/listener-arn`,
    loadBalancerSecurityGroupId: `${root}/alb/security-group-id`,
    loadBalancerDnsName: `${root}/alb/dns-name`,
    /** `app/<name>/<id>`: the LoadBalancer dimension of the ALB metrics on the dashboards. */
    loadBalancerArnSuffix: `${root}/alb/arn-suffix`,
    servicesRepositoryUrl: `${root}/ecr/services/url`,
    servicesRepositoryArn: `${root}/ecr/services/arn`,
    runnerRepositoryUrl: `${root}/ecr/runner/url`,
    runnerRepositoryArn: `${root}/ecr/runner/arn`,
    alarmTopicArn: `${root}/alarms/topic-arn`,
    /** The Secrets Manager secret the blob URLs are signed with (its ARN only, never its value). */
    urlSigningSecretArn: `${root}/secrets/url-signing/arn`,
  } as const;
};

export type FoundationParameter = keyof ReturnType<typeof foundationParameterNames>;
