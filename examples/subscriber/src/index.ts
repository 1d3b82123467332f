// @mediaflow/example-subscriber: another team's subscriber, as an example to copy: its subscription, its stack (the subscriber kit) and its JobCompleted.v1 consumer.
export { subscription } from './subscription';
export { ExampleSubscriberStack } from './stack';
export { JobCompletedConsumer, type JobCompleted, type PollResult } from './job-completed-consumer';
export { FileProcessedEvents, type ProcessedEvents } from './processed-events';
