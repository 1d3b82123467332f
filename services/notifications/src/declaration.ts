// @mediaflow/notifications/declaration: what notifications consumes and the table it owns beside its
// event store, read by the embedded bus, the emulator bootstrap and cdktf. No SDK client is created here.
export { notificationsDeclaration } from './subscriptions';
export { notificationsTableDefinition, NOTIFICATIONS_TTL_ATTRIBUTE } from './adapters/aws/notifications-table';
