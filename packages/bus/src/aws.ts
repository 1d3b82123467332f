// @mediaflow/bus/aws: the bus on AWS — EventBridge to publish, SQS (one queue per consumer, with its DLQ) to consume.
export { EventBridgePublisher, type EventBridgePublisherOptions } from './adapters/aws/eventbridge-publisher';
export { SqsEventConsumer, type SqsEventConsumerOptions } from './adapters/aws/sqs-event-consumer';
export { SqsDeadLetters, type SqsDeadLettersOptions } from './adapters/aws/sqs-dead-letters';
export { MalformedMessage, isMalformedMessage } from './adapters/aws/sqs-message';
