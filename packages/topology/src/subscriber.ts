// Another team's subscription to mediaflow's events, declared once: the subscriber kit's cdktf
// construct and the emulator provisioning both read it, so the rule, queue and retry settings a team
// deploys are the ones its tests ran against. Patterns come from eventPatternOf, as for the services.
import type { Subscription } from './declaration';
import { eventPatternOf, type EventPattern } from './event-pattern';

export interface SubscriberDeclaration {
  /** Names the subscriber's resources (`<name>-mediaflow-events`, its DLQ, its rules): [a-z0-9-]{1,40}. */
  readonly name: string;
  /** Events and major versions the subscriber consumes. */
  readonly subscriptions: readonly Subscription[];
  /** Receives before a message moves to the subscriber's DLQ (SQS maxReceiveCount); default 5. */
  readonly maxReceiveCount?: number;
  /** Visibility timeout of the subscriber's queue, in seconds; default 60. */
  readonly visibilityTimeoutSeconds?: number;
}

/**
 * EventBridge's own defaults, stated explicitly on every target so a change of defaults (or a copy
 * of the construct into a stack that overrides them) cannot shorten how long mediaflow's bus retries.
 */
export const SUBSCRIBER_TARGET_RETRY = { maximumEventAgeInSeconds: 24 * 3600, maximumRetryAttempts: 185 } as const;

export const declareSubscriber = (declaration: SubscriberDeclaration): SubscriberDeclaration => {
  if (!/^[a-z0-9-]{1,40}$/.test(declaration.name))
    throw new Error(`subscriber name "${declaration.name}" must match [a-z0-9-]{1,40}`);
  if (declaration.subscriptions.length === 0) throw new Error(`subscriber ${declaration.name} subscribes to nothing`);
  const seen = new Set<string>();
  for (const s of declaration.subscriptions) {
    const key = `${s.from}/${s.event}`;
    if (seen.has(key)) throw new Error(`subscriber ${declaration.name} subscribes to ${key} twice`);
    if (s.versions.length === 0) throw new Error(`subscriber ${declaration.name}: ${key} names no version`);
    seen.add(key);
  }
  return Object.freeze(declaration);
};

/** The subscriber's resource names; rules live on mediaflow's bus, so they carry a `mediaflow-sub-` prefix. */
export const subscriberNames = (name: string) => ({
  queue: `${name}-mediaflow-events`,
  deadLetterQueue: `${name}-mediaflow-events-dlq`,
  /** Rule i of the subscriber on mediaflow's bus; listing by `ruleNamePrefix` finds exactly its rules. */
  rule: (index: number) => `mediaflow-sub-${name}-${index}`,
  rulePrefix: `mediaflow-sub-${name}-`,
  alarm: (what: string) => `${name}-mediaflow-events-${what}`,
});

/** One rule per subscription, each with the same pattern a service subscribing to that event would get. */
export const subscriberRules = (d: SubscriberDeclaration): { name: string; pattern: EventPattern; description: string }[] =>
  d.subscriptions.map((s, i) => ({
    name: subscriberNames(d.name).rule(i),
    pattern: eventPatternOf(s),
    description: `${d.name} consumes ${s.from}/${s.event} v${s.versions.join(',')}`,
  }));

export const subscriberQueueSettings = (d: SubscriberDeclaration) => ({
  maxReceiveCount: d.maxReceiveCount ?? 5,
  visibilityTimeoutSeconds: d.visibilityTimeoutSeconds ?? 60,
  messageRetentionSeconds: 14 * 24 * 3600,
});
