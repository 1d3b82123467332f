// @mediaflow/jobs/aws: jobs on AWS (DynamoDB event store and read model, EventBridge + SQS).
export { createAwsService } from './main/aws';
