// What the processing worker needs to drive runner tasks, and nothing wider: run the runner's task
// definition on the environment's cluster, pass the runner's two roles to ECS, and watch and stop
// tasks of that cluster (cancel, and the watchdog of a silent runner).
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';

interface RunnerDispatchTargets {
  /** The runner's task definition ARN without its revision: any revision of that family only. */
  readonly taskDefinitionFamilyArn: string;
  readonly passedRoleArns: readonly string[];
  readonly clusterArn: string;
  /** `arn:<partition>:ecs:<region>:<account>:task/<cluster name>/*` */
  readonly clusterTasksArn: string;
}

export const runnerDispatchStatements = (t: RunnerDispatchTargets): DataAwsIamPolicyDocumentStatement[] => [
  {
    sid: 'RunTheRunner',
    actions: ['ecs:RunTask'],
    resources: [`${t.taskDefinitionFamilyArn}:*`],
    condition: [{ test: 'ArnEquals', variable: 'ecs:cluster', values: [t.clusterArn] }],
  },
  {
    sid: 'PassTheRunnerRoles',
    actions: ['iam:PassRole'],
    resources: [...t.passedRoleArns],
    condition: [{ test: 'StringEquals', variable: 'iam:PassedToService', values: ['ecs-tasks.amazonaws.com'] }],
  },
  { sid: 'WatchAndStopRunners', actions: ['ecs:DescribeTasks', 'ecs:StopTask', 'ecs:TagResource'], resources: [t.clusterTasksArn] },
];
