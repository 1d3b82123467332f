// A short, client-safe summary of each Job stream event for GET /v1/jobs/{id}/events: the history
// reads as a timeline without repeating whole plans and manifests.
import type { JobEvent } from '../domain/job-events';

export type EventSummary = Record<string, string | number | boolean | null>;

const mediaSummary = (info: Extract<JobEvent, { type: 'JobProbed' }>['data']['mediaInfo']): EventSummary => {
  const common = { kind: info.kind, sizeBytes: info.sizeBytes };
  if (info.kind === 'image') return { ...common, width: info.image.width, height: info.image.height };
  const duration = { durationSeconds: info.durationSeconds ?? null };
  if (info.kind === 'audio') return { ...common, ...duration, audioCodec: info.audio.codec };
  return { ...common, ...duration, width: info.video.width, height: info.video.height, videoCodec: info.video.codec };
};

export const summarizeJobEvent = (event: JobEvent): EventSummary => {
  switch (event.type) {
    case 'JobCreated':
      return { uploadId: event.data.uploadId, profile: event.data.profile };
    case 'JobSourceDescribed':
      return { filename: event.data.filename, contentType: event.data.contentType, sizeBytes: event.data.sizeBytes };
    case 'JobProbed':
      return mediaSummary(event.data.mediaInfo);
    case 'JobValidated':
      return { outputs: event.data.plan.outputs.length };
    case 'ProbeRequested':
      return { attempt: event.data.attempt };
    case 'TranscodeRequested':
      return { attempt: event.data.attempt, outputs: event.data.plan.outputs.length };
    case 'JobRejected':
      return { codes: event.data.reasons.map((r) => r.code).join(','), reason: event.data.reasons[0]?.message ?? null };
    case 'JobCompleted':
      return { outputs: event.data.manifest.outputs.length };
    case 'JobCancelled':
      return { reason: event.data.reason ?? null };
    case 'JobTranscodeStarted':
      return { attempt: event.data.attempt, runnerId: event.data.runnerId };
    case 'JobTranscodeProgressed':
      return { attempt: event.data.attempt, percent: event.data.percent };
    case 'JobTranscodeFinished':
      return { attempt: event.data.attempt, transcodeSeconds: event.data.transcodeSeconds };
    case 'JobRetryScheduled':
      return { stage: event.data.stage, attempt: event.data.attempt, dueAt: event.data.dueAt };
    case 'JobRetryRequested':
      // Reads as "retry requested by <owner>": the stage and attempt it started.
      return { requestedBy: event.data.requestedBy, stage: event.data.stage, attempt: event.data.attempt };
    case 'JobProbeFailed':
    case 'JobTranscodeFailed':
    case 'JobFailed': {
      const { jobId: _jobId, ...rest } = event.data;
      return rest;
    }
  }
};
