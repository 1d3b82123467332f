// processing probes and transcodes when jobs asks (one request event per attempt, the first included) and
// stops cancelled jobs. It does not react to the facts JobCreated/JobValidated: jobs publishes the first
// ProbeRequested/TranscodeRequested beside them, so each attempt is triggered exactly once.
import { declareService } from '@mediaflow/topology';

export const processingDeclaration = declareService({
  service: 'processing',
  subscriptions: [
    { from: 'jobs', event: 'ProbeRequested', versions: [1] },
    { from: 'jobs', event: 'TranscodeRequested', versions: [1] },
    { from: 'jobs', event: 'JobCancelled', versions: [1] },
  ],
  maxAttempts: 5,
  // Dispatching a runner returns quickly; the transcode itself runs outside the consumer.
  visibilityTimeoutSeconds: 60,
});
