// @mediaflow/bus/aws: the bus on AWS — EventBridge to publish, SQS (one queue per consumer, with its DLQ) to consume.
export { EventBridgePublisher } from './adapters/aws/eventbridge-publisher';
export { SqsEventConsumer } from './adapters/aws/sqs-event-consumer';
export { SqsDeadLetters } from './adapters/aws/sqs-dead-letters';
export {
  startArchiveReplay,
  waitForReplay,
  ruleArnsByPrefix,
  type ArchiveReplayRequest,
  type StartedReplay,
} from './adapters/aws/eventbridge-replay';
