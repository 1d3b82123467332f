// @mediaflow/service-kit: what every service's application layer shares.
export * from './decider';
export * from './event-context';
export * from './execute-command';
export * from './event-dispatch';
export * from './publish-from-outbox';
export * from './system-clock';
