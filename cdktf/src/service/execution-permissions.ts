// What ECS itself needs to start a service's tasks: pull from the image repositories those tasks
// use, and write to the service's own log groups.
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';

export const executionStatements = (repositoryArns: readonly string[], logGroupArns: readonly string[]): DataAwsIamPolicyDocumentStatement[] => [
  // GetAuthorizationToken is account-wide: AWS offers no resource to scope it to.
  { sid: 'RegistryLogin', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] },
  {
    sid: 'PullImages',
    actions: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
    resources: [...repositoryArns],
  },
  { sid: 'WriteLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: logGroupArns.map((arn) => `${arn}:*`) },
];
