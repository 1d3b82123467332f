// @mediaflow/notifications/settings: notifications' environment variables and their loader (the README's settings table reads the schema).
export { loadNotificationsSettings, NotificationsEnvironmentSchema, type NotificationsSettings } from './main/notifications-config';
