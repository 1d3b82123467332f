// What ECS itself needs to start a service's tasks: pull from the image repositories those tasks
// use, write to the service's own log groups, and read the secrets it injects into them.
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';

interface InjectedSecrets {
  readonly secretArns: readonly string[];
  /** The key the secrets are encrypted with; decrypting is allowed through Secrets Manager only. */
  readonly kmsKeyArn: string;
  readonly region: string;
}

const secretStatements = (s: InjectedSecrets): DataAwsIamPolicyDocumentStatement[] => [
  { sid: 'ReadInjectedSecrets', actions: ['secretsmanager:GetSecretValue'], resources: [...s.secretArns] },
  {
    sid: 'DecryptInjectedSecrets',
    actions: ['kms:Decrypt'],
    resources: [s.kmsKeyArn],
    condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: [`secretsmanager.${s.region}.amazonaws.com`] }],
  },
];

export const executionStatements = (
  repositoryArns: readonly string[],
  logGroupArns: readonly string[],
  secrets?: InjectedSecrets,
): DataAwsIamPolicyDocumentStatement[] => [
  // GetAuthorizationToken is account-wide: AWS offers no resource to scope it to.
  { sid: 'RegistryLogin', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] },
  {
    sid: 'PullImages',
    actions: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
    resources: [...repositoryArns],
  },
  { sid: 'WriteLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: logGroupArns.map((arn) => `${arn}:*`) },
  ...(secrets && secrets.secretArns.length > 0 ? secretStatements(secrets) : []),
];
