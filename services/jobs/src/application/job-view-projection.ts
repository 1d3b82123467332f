// Folds a Job stream into the read model's JobView: pure, so the handlers, the rebuild and the tests
// all compute the same document from the same events.
import type { StoredEvent } from '@mediaflow/event-store';
import { isJobEvent, type JobEvent } from '../domain/job-events';
import { readLegacyRequest } from '../domain/job-legacy-requests';
import { isTerminal } from '../domain/job-status';
import type { JobAttemptView, JobView } from '../ports/job-view';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Draft = Mutable<JobView> & { attempts: JobAttemptView[] };

const updateAttempt = (view: Draft, attempt: number, change: (a: JobAttemptView) => JobAttemptView): void => {
  view.attempts = view.attempts.map((a) => (a.attempt === attempt ? change(a) : a));
};

const endCurrentAttempt = (view: Draft, at: string, outcome: JobAttemptView['outcome']): void =>
  updateAttempt(view, view.attempt, (a) => (a.endedAt ? a : { ...a, endedAt: at, outcome }));

/** Adds `attempt` to the list once: JobValidated (old streams) and TranscodeRequested both queue one. */
const queueAttempt = (view: Draft, attempt: number, at: string): void => {
  if (!view.attempts.some((a) => a.attempt === attempt)) view.attempts = [...view.attempts, { attempt, queuedAt: at }];
};

const applyEvent = (view: Draft, event: JobEvent, at: string): void => {
  switch (event.type) {
    case 'JobCreated':
      return; // only the first starts the view; a repeat was read as ProbeRequested
    case 'JobSourceDescribed': {
      const { jobId: _jobId, ownerId: _ownerId, ...source } = event.data;
      view.source = source;
      return;
    }
    case 'JobProbed':
      view.mediaInfo = event.data.mediaInfo;
      return;
    case 'ProbeRequested':
      // The first probe is counted when the view starts; a retry (due, or the owner's) probes again.
      if (event.data.attempt > view.probeAttempts) Object.assign(view, { status: 'probing', retry: undefined, probeAttempts: event.data.attempt });
      return;
    case 'JobValidated': {
      // Streams written before TranscodeRequested have no request for attempt 1: the fact queues it.
      const attempt = event.data.attempt ?? 1;
      Object.assign(view, { status: 'queued', plan: event.data.plan, attempt, percent: 0, retry: undefined });
      queueAttempt(view, attempt, at);
      return;
    }
    case 'TranscodeRequested': {
      const { attempt, plan } = event.data;
      Object.assign(view, { status: 'queued', plan, attempt, percent: 0, retry: undefined });
      queueAttempt(view, attempt, at);
      return;
    }
    case 'JobRejected':
      Object.assign(view, { status: 'rejected', rejection: event.data.reasons, retry: undefined });
      return;
    case 'JobProbeFailed':
      return;
    case 'JobTranscodeStarted':
      view.status = 'transcoding';
      // When the runner began (processing's time), not when jobs heard of it.
      updateAttempt(view, event.data.attempt, (a) => ({ ...a, runnerId: event.data.runnerId, startedAt: event.data.startedAt ?? at }));
      return;
    case 'JobTranscodeProgressed':
      Object.assign(view, { status: 'transcoding', percent: Math.max(view.percent, event.data.percent) });
      return;
    case 'JobTranscodeFinished':
      updateAttempt(view, event.data.attempt, (a) => ({ ...a, transcodeSeconds: event.data.transcodeSeconds }));
      return;
    case 'JobTranscodeFailed': {
      const { code, reason, retryable } = event.data;
      updateAttempt(view, event.data.attempt, (a) => ({ ...a, endedAt: at, outcome: 'failed', error: { code, reason, retryable } }));
      return;
    }
    case 'JobRetryScheduled':
      Object.assign(view, { status: 'retry-scheduled', retry: { stage: event.data.stage, attempt: event.data.attempt, dueAt: event.data.dueAt } });
      return;
    case 'JobRetryRequested':
      // The owner retried a failed job: it has not ended any more. The ProbeRequested (probing) or the
      // TranscodeRequested (queued, a new attempt in the list) appended with it sets the status.
      delete view.error;
      delete view.endedAt;
      return;
    case 'JobCompleted':
      Object.assign(view, { status: 'completed', percent: 100, manifest: event.data.manifest, completedAt: at });
      endCurrentAttempt(view, at, 'completed');
      return;
    case 'JobFailed':
      Object.assign(view, { status: 'failed', error: { code: event.data.code, reason: event.data.reason } });
      return;
    case 'JobCancelled':
      view.status = 'cancelled';
      endCurrentAttempt(view, at, 'cancelled');
      return;
  }
};

const startView = (first: StoredEvent): Draft | undefined => {
  if (first.type !== 'JobCreated') return undefined;
  const data = first.data as Extract<JobEvent, { type: 'JobCreated' }>['data'];
  const at = first.metadata.occurredAt;
  return {
    jobId: data.jobId,
    ownerId: first.metadata.ownerId,
    uploadId: data.uploadId,
    profile: data.profile,
    status: 'created',
    version: first.streamVersion,
    correlationId: first.metadata.correlationId,
    createdAt: at,
    updatedAt: at,
    input: data.input,
    attempt: 0,
    percent: 0,
    probeAttempts: 1,
    attempts: [],
  };
};

/** The view of a job stream, or undefined for a stream that does not start with JobCreated. */
export const projectJobView = (events: readonly StoredEvent[]): JobView | undefined => {
  const [first, ...rest] = events;
  const view = first && startView(first);
  if (!view) return undefined;
  for (const stored of rest) {
    view.version = stored.streamVersion;
    view.updatedAt = stored.metadata.occurredAt;
    const event = { type: stored.type, data: stored.data };
    if (!isJobEvent(event)) continue;
    const wasTerminal = isTerminal(view.status);
    const folded = { probeAttempt: view.probeAttempts, validated: view.plan !== undefined, attempt: view.attempt };
    applyEvent(view, readLegacyRequest(event, folded), stored.metadata.occurredAt);
    if (!wasTerminal && isTerminal(view.status)) view.endedAt = stored.metadata.occurredAt;
  }
  if (view.retry === undefined) delete view.retry;
  return view;
};
