// processing probes new jobs, runs validated ones and stops cancelled ones.
import { declareService } from '@mediaflow/topology';

export const processingDeclaration = declareService({
  service: 'processing',
  subscriptions: [
    { from: 'jobs', event: 'JobCreated', versions: [1] },
    { from: 'jobs', event: 'JobValidated', versions: [1] },
    { from: 'jobs', event: 'JobCancelled', versions: [1] },
  ],
  maxAttempts: 5,
  // Dispatching a runner returns quickly; the transcode itself runs outside the consumer.
  visibilityTimeoutSeconds: 60,
});
