// @mediaflow/notifications/aws: notifications on AWS (DynamoDB table, EventBridge + SQS).
export { createAwsService } from './main/aws';
