export * from './declaration';
export * from './names';
export * from './event-pattern';
