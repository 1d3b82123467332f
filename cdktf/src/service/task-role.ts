// An IAM role that only ECS tasks (or the AWS service named) of this account can assume, with one inline policy: the
// statements given, nothing attached from elsewhere, so the synthesized policy is the whole truth.
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';

interface TaskRoleProps {
  readonly name: string;
  readonly accountId: string;
  /** The service principal that assumes it; ECS tasks unless said. */
  readonly service?: string;
  readonly statements: DataAwsIamPolicyDocumentStatement[];
}

export class TaskRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: TaskRoleProps) {
    super(scope, id);
    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: [props.service ?? 'ecs-tasks.amazonaws.com'] }],
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] }],
        },
      ],
    });
    this.role = new IamRole(this, 'role', { name: props.name, assumeRolePolicy: trust.json });
    const permissions = new DataAwsIamPolicyDocument(this, 'permissions', { statement: props.statements });
    new IamRolePolicy(this, 'policy', { name: props.name, role: this.role.id, policy: permissions.json });
  }
}
