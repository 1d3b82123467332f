// A long-running ECS service on Fargate in the private subnets: a service's api (registered with
// its target group), its worker, or (processing) the warm runners, whose desired count the processing
// worker and Application Auto Scaling set, not Terraform. A failed deployment rolls back by itself.
import { EcsService, type EcsServiceLoadBalancer } from '@cdktf/provider-aws/lib/ecs-service';
import type { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';

interface FargateServiceProps {
  readonly name: string;
  readonly clusterArn: string;
  readonly taskDefinition: EcsTaskDefinition;
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  readonly desiredCount: number;
  /** Set at run time by others: Terraform creates the service with `desiredCount` and then leaves the count alone. */
  readonly desiredCountSetElsewhere?: boolean;
  readonly loadBalancer?: EcsServiceLoadBalancer;
  /** The listener rule must exist before ECS registers targets. */
  readonly dependsOn?: ITerraformDependable[];
}

export const fargateService = (scope: Construct, id: string, props: FargateServiceProps): EcsService =>
  new EcsService(scope, id, {
    name: props.name,
    cluster: props.clusterArn,
    taskDefinition: props.taskDefinition.arn,
    launchType: 'FARGATE',
    desiredCount: props.desiredCount,
    networkConfiguration: { subnets: props.subnetIds, securityGroups: props.securityGroupIds, assignPublicIp: false },
    deploymentCircuitBreaker: { enable: true, rollback: true },
    deploymentMinimumHealthyPercent: 100,
    deploymentMaximumPercent: 200,
    propagateTags: 'SERVICE',
    ...(props.loadBalancer ? { loadBalancer: [props.loadBalancer], healthCheckGracePeriodSeconds: 60 } : {}),
    ...(props.dependsOn ? { dependsOn: props.dependsOn } : {}),
    ...(props.desiredCountSetElsewhere ? { lifecycle: { ignoreChanges: ['desired_count'] } } : {}),
  });
