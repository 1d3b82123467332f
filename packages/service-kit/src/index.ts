// @mediaflow/service-kit: what every service's application layer shares: deciders run against the store with the inbox, typed event dispatch, the outbox-to-bus wiring.
export * from './decider';
export * from './event-context';
export * from './execute-command';
export * from './event-dispatch';
export * from './publish-from-outbox';
export * from './system-clock';
