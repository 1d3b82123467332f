// @mediaflow/bus: the event bus ports, the envelope check and typed errors.
// Adapters: '@mediaflow/bus/aws' (EventBridge + SQS) and '@mediaflow/bus/sqlite' (the embedded bus).
export type { EnvelopeValidator } from './ports/envelope-validator';
export type { EventPublisher } from './ports/event-publisher';
export type { EventConsumer, EventHandler, DeliveryContext } from './ports/event-consumer';
export type { DeadLetters, DeadLetter, DeadLetterError } from './ports/dead-letters';
export { validateWithContracts } from './contracts-validator';

export { InvalidEnvelope } from './errors/invalid-envelope';
export { EventTooLarge } from './errors/event-too-large';
export { PublishFailed, type FailedEvent } from './errors/publish-failed';
export { describeFailure } from './errors/describe-failure';
export { MAX_EVENT_BYTES, entrySizeOf } from './prepare-for-publish';
export { exponentialBackoff, type RetryDelay } from './retry-delay';

export { ReplayWindowInvalid, checkReplayWindow, type ReplayWindow } from './errors/replay-window-invalid';
