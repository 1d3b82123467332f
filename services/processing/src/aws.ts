// @mediaflow/processing/aws: processing on AWS (DynamoDB, EventBridge + SQS, runners as ECS tasks).
export { createAwsService } from './main/aws';
