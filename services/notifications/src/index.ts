// @mediaflow/notifications: the events notifications forwards (also read by the web UI: nothing here
// loads node or an adapter). Subpaths: ./declaration (subscriptions, table), ./embedded and ./aws
// (composition roots), ./http-schemas, ./testing.
export { NOTIFIED_EVENTS } from './domain/notified-events';
