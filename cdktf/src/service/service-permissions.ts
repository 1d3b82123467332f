// What a service's own tasks may do: its event-store table (with its indexes and stream), its
// read-model table (with its indexes), its queues, publish on the bus under its own source only, the
// environment key, and its bucket prefixes. Nothing else.
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import type { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { sourceOf, type ServiceName } from '@mediaflow/contracts';
import type { BucketGrants, MediaBucket } from '../service-profiles';
import { bucketStatements } from './bucket-permissions';

export interface OwnResources {
  readonly service: ServiceName;
  readonly table: DynamodbTable;
  readonly readModel: DynamodbTable;
  readonly inbox: SqsQueue;
  readonly deadLetterQueue: SqsQueue;
  readonly busArn: string;
  readonly kmsKeyArn: string;
  readonly bucketArn: (bucket: MediaBucket) => string;
}

// TransactWriteItems has no IAM action of its own: it is checked as Put/Update/Delete/ConditionCheck.
const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];

export const eventStoreStatement = (table: DynamodbTable): DataAwsIamPolicyDocumentStatement => ({
  sid: 'OwnEventStore',
  actions: TABLE_ACTIONS,
  resources: [table.arn, `${table.arn}/index/*`],
});

export const tableStatements = (table: DynamodbTable): DataAwsIamPolicyDocumentStatement[] => [
  eventStoreStatement(table),
  { sid: 'OwnEventStoreStream', actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], resources: [table.streamArn] },
];

// Read models are small and some are scanned whole (due upload deadlines, active transcodes, the
// admin stats of jobs); the event store never is.
const readModelStatement = (table: DynamodbTable): DataAwsIamPolicyDocumentStatement => ({
  sid: 'OwnReadModel',
  actions: [...TABLE_ACTIONS, 'dynamodb:Scan'],
  resources: [table.arn, `${table.arn}/index/*`],
});

// Encrypt-side for S3 puts and SQS sends, decrypt-side for gets and receives.
export const keyStatement = (kmsKeyArn: string): DataAwsIamPolicyDocumentStatement => ({
  sid: 'EnvironmentKey',
  actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
  resources: [kmsKeyArn],
});

/** The task role of the service's api and worker. */
export const serviceStatements = (own: OwnResources, grants: BucketGrants): DataAwsIamPolicyDocumentStatement[] => [
  ...tableStatements(own.table),
  readModelStatement(own.readModel),
  // The consumer looks both queue URLs up by name at start (batch calls use the single actions' rights).
  {
    sid: 'OwnInbox',
    actions: ['sqs:GetQueueUrl', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'],
    resources: [own.inbox.arn],
  },
  // The consumer dead-letters a poison message itself (with the error as attributes), and the
  // DeadLetters adapter peeks at the DLQ; deleting or redriving dead letters stays an operator's act.
  {
    sid: 'OwnDeadLetterQueue',
    actions: ['sqs:GetQueueUrl', 'sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'],
    resources: [own.deadLetterQueue.arn],
  },
  {
    sid: 'PublishOwnEvents',
    actions: ['events:PutEvents'],
    resources: [own.busArn],
    condition: [{ test: 'StringEquals', variable: 'events:source', values: [sourceOf(own.service)] }],
  },
  keyStatement(own.kmsKeyArn),
  ...bucketStatements(grants, own.bucketArn),
];
