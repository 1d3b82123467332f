// The job process manager: what jobs does with each event it consumes. Every handler runs one command
// on the Job stream with the incoming event recorded in the inbox (`jobs.<Event>`), so a redelivery
// changes nothing; the events the command appends carry the incoming event's correlation forward.
import type { EventMetadata } from '@mediaflow/contracts';
import type { Logger } from '@mediaflow/logging';
import { causedBy, type Clock, type TypedHandlers } from '@mediaflow/service-kit';
import type { JobCommand } from '../domain/job-commands';
import { isJobNotFound } from '../domain/job-errors';
import { jobIdForUpload } from '../domain/job-identity';
import { jobExists } from '../domain/job-state';
import type { RenditionPlanner } from '../ports/rendition-planner';
import type { JobCommandExecutor } from './job-command-executor';
import { probeVerdict, type PolicyLimits } from './probe-verdict';

interface JobEventHandlerDeps {
  readonly executor: JobCommandExecutor;
  readonly planner: RenditionPlanner;
  readonly limits: PolicyLimits;
  readonly clock: Clock;
}

interface Incoming {
  readonly name: string;
  readonly metadata: EventMetadata;
}

export const createJobEventHandlers = (deps: JobEventHandlerDeps): TypedHandlers => {
  const { executor, clock } = deps;

  const run = async (event: Incoming, command: JobCommand, logger: Logger): Promise<void> => {
    const options = { context: causedBy(event.metadata), consumed: { consumer: `jobs.${event.name}`, eventId: event.metadata.eventId } };
    try {
      await executor.execute(command, options, logger);
    } catch (error) {
      // Processing only reports on jobs we announced; an unknown job is a stray event, not a retry case.
      if (!isJobNotFound(error)) throw error;
      logger.warn('event for an unknown job acknowledged and ignored', { jobId: command.jobId });
    }
  };

  return {
    UploadCompleted: async (event, { logger }) => {
      const d = event.data;
      const jobId = jobIdForUpload(d.uploadId);
      const source = { ownerId: event.metadata.ownerId, filename: d.filename, contentType: d.contentType, sizeBytes: d.size, ...(d.sha256 ? { sha256: d.sha256 } : {}) };
      const input = { key: d.key, ...(d.bucket ? { bucket: d.bucket } : {}) };
      await run(event, { type: 'CreateJob', jobId, uploadId: d.uploadId, input, profile: d.profile, source }, logger);
    },
    MediaProbed: async (event, { logger }) => {
      const { jobId, mediaInfo } = event.data;
      const state = await executor.load(jobId);
      if (!jobExists(state)) return void logger.warn('probe of an unknown job ignored', { jobId });
      const ownerId = state.ownerId ?? event.metadata.ownerId;
      const verdict = probeVerdict({ jobId, ownerId, profile: state.profile, mediaInfo }, deps.limits, deps.planner);
      await run(event, { type: 'RecordProbe', jobId, mediaInfo, verdict }, logger);
    },
    ProbeFailed: async (event, { logger }) => {
      const { jobId, code, reason, retryable } = event.data;
      await run(event, { type: 'RecordProbeFailure', jobId, code, reason, retryable, now: clock.now() }, logger);
    },
    TranscodeStarted: async (event, { logger }) => {
      const { jobId, attempt, runnerId } = event.data;
      await run(event, { type: 'StartTranscode', jobId, attempt, runnerId, startedAt: event.metadata.occurredAt }, logger);
    },
    TranscodeProgressed: async (event, { logger }) => {
      const { jobId, attempt, percent } = event.data;
      await run(event, { type: 'RecordProgress', jobId, attempt, percent }, logger);
    },
    TranscodeFinished: async (event, { logger }) => {
      const { jobId, attempt, manifest, transcodeSeconds } = event.data;
      await run(event, { type: 'FinishTranscode', jobId, attempt, manifest, ...(transcodeSeconds === undefined ? {} : { transcodeSeconds }) }, logger);
    },
    TranscodeFailed: async (event, { logger }) => {
      const { jobId, attempt, code, reason, retryable } = event.data;
      await run(event, { type: 'FailTranscode', jobId, attempt, code, reason, retryable, now: clock.now() }, logger);
    },
  };
};
