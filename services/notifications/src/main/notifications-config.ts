// notifications' settings, read and validated from the environment once by the composition roots.
// Every variable has a default; the loopback switch defaults by mode (on embedded, off on AWS).
import { z } from 'zod';
import { flagSetting, intSetting, loadConfig, secondsSetting, setting } from '@mediaflow/config';
import type { WebhookSettings } from '../application/webhook-settings';
import type { EventStreamSettings } from '../adapters/http/event-stream-route';
import { DEFAULT_DISABLE_POLICY } from '../domain/endpoint-health';
import { DEFAULT_RETRY_POLICY } from '../domain/retry-policy';

const secondsList = (defaults: readonly number[]) =>
  z
    .string()
    .regex(/^\d+(,\d+)*$/, 'comma-separated whole seconds, e.g. 5,30,120')
    .default(defaults.join(','))
    .transform((s) => s.split(',').map(Number));

export const NotificationsEnvironmentSchema = z.object({
  MEDIAFLOW_WEBHOOKS_ALLOW_HTTP_LOOPBACK: flagSetting({
    description: 'Accept http:// webhook URLs on the loopback (local receivers)',
    defaultText: 'true embedded, false on AWS',
  }).optional(),
  MEDIAFLOW_WEBHOOKS_TIMEOUT_MS: intSetting({ min: 100, max: 120_000, default: 15_000 }, 'Timeout of one delivery attempt, in milliseconds'),
  MEDIAFLOW_WEBHOOKS_RETRY_DELAYS_SECONDS: setting(secondsList(DEFAULT_RETRY_POLICY.delaysSeconds), 'Comma-separated waits before each redelivery, in whole seconds'),
  MEDIAFLOW_WEBHOOKS_MAX_ATTEMPTS: intSetting({ min: 1, max: 50, default: DEFAULT_RETRY_POLICY.maxAttempts }, 'Delivery attempts before a delivery is given up'),
  MEDIAFLOW_WEBHOOKS_DISABLE_AFTER_FAILURES: intSetting(
    { min: 1, max: 10_000, default: DEFAULT_DISABLE_POLICY.afterConsecutiveFailures },
    'Consecutive failures that disable an endpoint (with the time below)',
  ),
  MEDIAFLOW_WEBHOOKS_DISABLE_AFTER_SECONDS: intSetting(
    { min: 0, max: 30 * 86400, default: DEFAULT_DISABLE_POLICY.afterFailingSeconds },
    'How long an endpoint must have been failing before it is disabled',
  ),
  MEDIAFLOW_WEBHOOKS_MAX_PER_OWNER: intSetting({ min: 1, max: 99, default: 20 }, 'Webhook subscriptions an owner may have'),
  MEDIAFLOW_WEBHOOKS_CONCURRENCY: intSetting({ min: 1, max: 256, default: 16 }, 'Deliveries in flight at once'),
  MEDIAFLOW_WEBHOOKS_POLL_MS: intSetting({ min: 10, max: 60_000, default: 1000 }, 'How often the dispatcher looks for due deliveries, in milliseconds'),
  MEDIAFLOW_WEBHOOKS_RETENTION_DAYS: intSetting({ min: 1, max: 365, default: 30 }, 'Days the delivery log is kept'),
  MEDIAFLOW_SSE_HEARTBEAT_SECONDS: secondsSetting({ min: 0.05, max: 300, default: 15 }, 'Heartbeat period of the live event streams'),
  MEDIAFLOW_SSE_REPLAY_EVENTS: intSetting({ min: 0, max: 10_000, default: 500 }, 'Events per owner a reconnecting stream can resume from'),
  MEDIAFLOW_SSE_MAX_STREAMS_PER_OWNER: intSetting({ min: 1, max: 1000, default: 10 }, 'Open live streams an owner may have'),
  MEDIAFLOW_SSE_REPLAY_SECONDS: secondsSetting({ min: 60, max: 7 * 86400, default: 3600 }, 'How long the recent-events log keeps events for resumes'),
  MEDIAFLOW_SSE_TAIL_MS: intSetting({ min: 50, max: 60_000, default: 1000 }, 'AWS api task: how often it polls the recent-events log, in milliseconds'),
});

export interface NotificationsSettings {
  readonly webhooks: WebhookSettings;
  readonly dispatcher: { readonly concurrency: number; readonly pollIntervalMs: number; readonly leaseMs: number };
  readonly retentionDays: number;
  readonly stream: EventStreamSettings;
  readonly replayEventsPerOwner: number;
  /** How long the recent-events log keeps events for resumes. */
  readonly replaySeconds: number;
  /** How often an SSE-serving process that does not consume the bus polls the log (AWS api). */
  readonly tailIntervalMs: number;
}

export const loadNotificationsSettings = (mode: 'embedded' | 'aws', env: NodeJS.ProcessEnv): NotificationsSettings => {
  const c = loadConfig(NotificationsEnvironmentSchema, env);
  return {
    webhooks: {
      urlPolicy: { allowHttpLoopback: c.MEDIAFLOW_WEBHOOKS_ALLOW_HTTP_LOOPBACK ?? mode === 'embedded' },
      maxSubscriptionsPerOwner: c.MEDIAFLOW_WEBHOOKS_MAX_PER_OWNER,
      retry: { ...DEFAULT_RETRY_POLICY, delaysSeconds: c.MEDIAFLOW_WEBHOOKS_RETRY_DELAYS_SECONDS, maxAttempts: c.MEDIAFLOW_WEBHOOKS_MAX_ATTEMPTS },
      disable: { afterConsecutiveFailures: c.MEDIAFLOW_WEBHOOKS_DISABLE_AFTER_FAILURES, afterFailingSeconds: c.MEDIAFLOW_WEBHOOKS_DISABLE_AFTER_SECONDS },
      timeoutMs: c.MEDIAFLOW_WEBHOOKS_TIMEOUT_MS,
    },
    // The lease outlives an attempt (timeout) plus loading and settling it, with room to spare.
    dispatcher: { concurrency: c.MEDIAFLOW_WEBHOOKS_CONCURRENCY, pollIntervalMs: c.MEDIAFLOW_WEBHOOKS_POLL_MS, leaseMs: c.MEDIAFLOW_WEBHOOKS_TIMEOUT_MS + 30_000 },
    retentionDays: c.MEDIAFLOW_WEBHOOKS_RETENTION_DAYS,
    stream: { heartbeatMs: c.MEDIAFLOW_SSE_HEARTBEAT_SECONDS * 1000, maxStreamsPerOwner: c.MEDIAFLOW_SSE_MAX_STREAMS_PER_OWNER, maxBufferedBytes: 1024 * 1024, retryMs: 3000 },
    replayEventsPerOwner: c.MEDIAFLOW_SSE_REPLAY_EVENTS,
    replaySeconds: c.MEDIAFLOW_SSE_REPLAY_SECONDS,
    tailIntervalMs: c.MEDIAFLOW_SSE_TAIL_MS,
  };
};
