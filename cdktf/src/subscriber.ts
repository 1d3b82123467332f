// @mediaflow/cdktf/subscriber: the subscriber kit, a construct another team adds to its own stack to receive mediaflow's events (no side effects on import).
export { MediaflowSubscriber, type MediaflowSubscriberProps } from './subscriber/mediaflow-subscriber';
export { declareSubscriber, SUBSCRIBER_TARGET_RETRY, type SubscriberDeclaration } from '@mediaflow/topology';
