// The job process manager reacts to uploads and to everything processing reports.
import { declareService } from '@mediaflow/topology';

export const jobsDeclaration = declareService({
  service: 'jobs',
  subscriptions: [
    { from: 'ingest', event: 'UploadCompleted', versions: [1] },
    { from: 'processing', event: 'MediaProbed', versions: [1] },
    { from: 'processing', event: 'ProbeFailed', versions: [1] },
    { from: 'processing', event: 'TranscodeStarted', versions: [1] },
    { from: 'processing', event: 'TranscodeProgressed', versions: [1] },
    { from: 'processing', event: 'TranscodeFinished', versions: [1] },
    { from: 'processing', event: 'TranscodeFailed', versions: [1] },
  ],
  maxAttempts: 5,
  visibilityTimeoutSeconds: 30,
});
