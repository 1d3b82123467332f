// A stand-in for the jobs service on an embedded bus: it subscribes to what processing publishes and
// publishes ProbeRequested / TranscodeRequested as jobs would (planned with @mediaflow/media-planning).
import { randomUUID } from 'node:crypto';
import { makeEnvelope, type BusEnvelope, type EventDataOf } from '@mediaflow/contracts';
import {
  mediaInfoFromContract,
  planOutputs,
  profileByName,
  toRenditionPlan,
} from '@mediaflow/media-planning';
import { declareService } from '@mediaflow/topology';

export const jobsStandIn = declareService({
  service: 'jobs',
  subscriptions: [
    'MediaProbed',
    'ProbeFailed',
    'TranscodeStarted',
    'TranscodeProgressed',
    'TranscodeFinished',
    'TranscodeFailed',
  ].map((event) => ({
    from: 'processing' as const,
    event,
    versions: [1],
  })),
  maxAttempts: 3,
  visibilityTimeoutSeconds: 30,
});

export const fromJobs = <N extends 'ProbeRequested' | 'TranscodeRequested'>(
  name: N,
  data: EventDataOf<N, 1>,
): BusEnvelope =>
  makeEnvelope(name, data, {
    eventId: randomUUID(),
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: 'corr-embedded',
    causationId: null,
    ownerId: 'owner-1',
  }) as BusEnvelope;

/** TranscodeRequested for attempt `attempt` of a probed job, planned the way jobs plans it. */
export const transcodeRequestedFor = (
  jobId: string,
  probed: EventDataOf<'MediaProbed', 1>,
  profile: string,
  attempt = 1,
): BusEnvelope =>
  fromJobs('TranscodeRequested', {
    jobId,
    attempt,
    plan: toRenditionPlan(
      planOutputs(mediaInfoFromContract(probed.mediaInfo), profileByName(profile)),
      `owner-1/${jobId}`,
    ),
  });
