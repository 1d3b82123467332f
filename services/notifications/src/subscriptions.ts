// notifications forwards every public job and transcode event, and a failed URL ingest, to webhooks and live streams.
import { declareService } from '@mediaflow/topology';
import { NOTIFIED_EVENTS_BY_PUBLISHER } from './domain/notified-events';

export const notificationsDeclaration = declareService({
  service: 'notifications',
  subscriptions: [
    ...NOTIFIED_EVENTS_BY_PUBLISHER.ingest.map((event) => ({ from: 'ingest' as const, event, versions: [1] })),
    ...NOTIFIED_EVENTS_BY_PUBLISHER.jobs.map((event) => ({ from: 'jobs' as const, event, versions: [1] })),
    ...NOTIFIED_EVENTS_BY_PUBLISHER.processing.map((event) => ({ from: 'processing' as const, event, versions: [1] })),
  ],
  maxAttempts: 8,
  visibilityTimeoutSeconds: 30,
});
