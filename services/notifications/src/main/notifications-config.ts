// notifications' settings, read and validated from the environment once by the composition roots.
// Every variable has a default; the loopback switch defaults by mode (on embedded, off on AWS).
import { z } from 'zod';
import { loadConfig } from '@mediaflow/config';
import type { WebhookSettings } from '../application/webhook-settings';
import type { EventStreamSettings } from '../adapters/http/event-stream-route';
import { DEFAULT_DISABLE_POLICY } from '../domain/endpoint-health';
import { DEFAULT_RETRY_POLICY } from '../domain/retry-policy';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const secondsList = (defaults: readonly number[]) =>
  z
    .string()
    .regex(/^\d+(,\d+)*$/, 'comma-separated whole seconds, e.g. 5,30,120')
    .default(defaults.join(','))
    .transform((s) => s.split(',').map(Number));

export const NotificationsEnvironmentSchema = z.object({
  MEDIAFLOW_WEBHOOKS_ALLOW_HTTP_LOOPBACK: flag.optional(),
  MEDIAFLOW_WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  MEDIAFLOW_WEBHOOKS_RETRY_DELAYS_SECONDS: secondsList(DEFAULT_RETRY_POLICY.delaysSeconds),
  MEDIAFLOW_WEBHOOKS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(DEFAULT_RETRY_POLICY.maxAttempts),
  MEDIAFLOW_WEBHOOKS_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_DISABLE_POLICY.afterConsecutiveFailures),
  MEDIAFLOW_WEBHOOKS_DISABLE_AFTER_SECONDS: z.coerce.number().int().min(0).max(30 * 86400).default(DEFAULT_DISABLE_POLICY.afterFailingSeconds),
  MEDIAFLOW_WEBHOOKS_MAX_PER_OWNER: z.coerce.number().int().min(1).max(99).default(20),
  MEDIAFLOW_WEBHOOKS_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  MEDIAFLOW_WEBHOOKS_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  MEDIAFLOW_WEBHOOKS_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  MEDIAFLOW_SSE_HEARTBEAT_SECONDS: z.coerce.number().min(0.05).max(300).default(15),
  MEDIAFLOW_SSE_REPLAY_EVENTS: z.coerce.number().int().min(0).max(10_000).default(500),
  MEDIAFLOW_SSE_MAX_STREAMS_PER_OWNER: z.coerce.number().int().min(1).max(1000).default(10),
  MEDIAFLOW_SSE_REPLAY_SECONDS: z.coerce.number().int().min(60).max(7 * 86400).default(3600),
  MEDIAFLOW_SSE_TAIL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
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

export const loadNotificationsSettings = (mode: 'embedded' | 'aws', env: NodeJS.ProcessEnv = process.env): NotificationsSettings => {
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
