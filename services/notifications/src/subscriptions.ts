// notifications forwards every public job and transcode event to webhooks and live streams.
import { declareService } from '@mediaflow/topology';

const fromJobs = ['JobCreated', 'JobValidated', 'JobRejected', 'JobCompleted', 'JobFailed', 'JobCancelled'];
const fromProcessing = ['TranscodeStarted', 'TranscodeProgressed', 'TranscodeFinished', 'TranscodeFailed'];

export const notificationsDeclaration = declareService({
  service: 'notifications',
  subscriptions: [
    ...fromJobs.map((event) => ({ from: 'jobs' as const, event, versions: [1] })),
    ...fromProcessing.map((event) => ({ from: 'processing' as const, event, versions: [1] })),
  ],
  maxAttempts: 8,
  visibilityTimeoutSeconds: 30,
});
