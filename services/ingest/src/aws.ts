// @mediaflow/ingest/aws: ingest on AWS (S3 presigned uploads, DynamoDB, EventBridge + SQS).
export { createAwsService } from './main/aws';
