// @mediaflow/processing/aws: processing on AWS (DynamoDB, EventBridge + SQS, runners as ECS tasks),
// and the settings it is created with.
export { createAwsService } from './main/aws';
export { loadProcessingConfig, type ProcessingConfig } from './main/processing-config';
