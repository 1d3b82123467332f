// The EventBridge pattern of a subscription, and the same matching rule for the embedded bus, so
// routing is identical in both modes.
import { sourceOf } from '@mediaflow/contracts';
import type { Subscription } from './declaration';

export interface EventPattern {
  source: string[];
  'detail-type': string[];
  detail: { metadata: { version: number[] } };
}

export const eventPatternOf = (s: Subscription): EventPattern => ({
  source: [sourceOf(s.from)],
  'detail-type': [s.event],
  detail: { metadata: { version: [...s.versions] } },
});

export interface RoutableEvent {
  source: string;
  'detail-type': string;
  detail: { metadata: { version: number } };
}

/** Matches the subset of EventBridge pattern syntax that eventPatternOf produces (exact values). */
export const matchesPattern = (p: EventPattern, e: RoutableEvent): boolean =>
  p.source.includes(e.source) &&
  p['detail-type'].includes(e['detail-type']) &&
  p.detail.metadata.version.includes(e.detail.metadata.version);
