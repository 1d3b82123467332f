// @mediaflow/bus: the event bus ports, their AWS adapters (EventBridge + SQS) and the embedded SQLite bus.
export type { EnvelopeValidator } from './ports/envelope-validator';
export type { EventPublisher } from './ports/event-publisher';
export type { EventConsumer, EventHandler, DeliveryContext } from './ports/event-consumer';
export type { DeadLetters, DeadLetter, DeadLetterError } from './ports/dead-letters';
export { validateWithContracts } from './contracts-validator';

export { InvalidEnvelope, isInvalidEnvelope } from './errors/invalid-envelope';
export { EventTooLarge, isEventTooLarge } from './errors/event-too-large';
export { PublishFailed, isPublishFailed, type FailedEvent } from './errors/publish-failed';
export { describeFailure } from './errors/describe-failure';
export { MAX_EVENT_BYTES, entrySizeOf } from './prepare-for-publish';
export { exponentialBackoff, type RetryDelay, type BackoffOptions } from './retry-delay';

export { EventBridgePublisher, type EventBridgePublisherOptions } from './adapters/aws/eventbridge-publisher';
export { SqsEventConsumer, type SqsEventConsumerOptions } from './adapters/aws/sqs-event-consumer';
export { SqsDeadLetters, type SqsDeadLettersOptions } from './adapters/aws/sqs-dead-letters';
export { MalformedMessage, isMalformedMessage } from './adapters/aws/sqs-message';

export { SqliteBus, type SqliteBusOptions } from './adapters/local/sqlite-bus';
export type { SqliteConsumerOptions } from './adapters/local/sqlite-event-consumer';
