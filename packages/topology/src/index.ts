// @mediaflow/topology: how a service declares what it consumes, and the one place resource names and event patterns are computed from it.
export * from './declaration';
export * from './names';
export * from './event-pattern';
export * from './subscriber';
