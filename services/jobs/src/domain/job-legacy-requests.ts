// Tolerant reader for Job streams written before ProbeRequested/TranscodeRequested existed: then a
// retry re-appended JobCreated to ask for a new probe and JobValidated (with the next attempt) for a
// new transcode. Such a stream is never rewritten; at read time a repeated fact is read as the request
// it stood for, so evolve, the read model and everything after them see one meaning per event.
import type { JobEvent } from './job-events';

/** What a reader has folded so far: enough to tell a first fact from a repeat and to number it. */
export interface FoldedRequests {
  /** Highest probe attempt requested so far (1 once the job exists). */
  readonly probeAttempt: number;
  /** Whether a JobValidated was already read. */
  readonly validated: boolean;
  /** Current transcode attempt (0 before validation). */
  readonly attempt: number;
}

/** `folded` is undefined before the job exists: the first JobCreated is always the fact. */
export const readLegacyRequest = (event: JobEvent, folded: FoldedRequests | undefined): JobEvent => {
  if (!folded) return event;
  if (event.type === 'JobCreated') {
    return { type: 'ProbeRequested', data: { ...event.data, attempt: folded.probeAttempt + 1 } };
  }
  if (event.type === 'JobValidated' && folded.validated) {
    const { jobId, plan, attempt } = event.data;
    return { type: 'TranscodeRequested', data: { jobId, plan, attempt: attempt ?? folded.attempt + 1 } };
  }
  return event;
};
