// TranscodeRequested → run attempt `data.attempt` through the RunnerDispatcher and record it dispatched
// (internal TranscodeAttemptDispatched; the public TranscodeStarted follows when the runner begins).
// The order makes every crash recoverable: the job enters the watchdog's index first, then the runner
// starts, then the dispatch is appended with TranscodeRequested's id in the inbox. A redelivery finds
// the attempt started and starts nothing; a second runner for the same attempt is stopped at once.
import type { KnownEventOf } from '@mediaflow/contracts';
import type { Logger } from '@mediaflow/logging';
import { expectedRungsOf } from '@mediaflow/media-planning';
import { causedBy } from '@mediaflow/service-kit';
import { TranscodeNotRegistered } from '../domain/transcode-errors';
import { attemptOf, startVerdict } from '../domain/transcode-state';
import type { ActiveTranscodes } from '../ports/active-transcodes';
import type { RunnerDispatcher } from '../ports/runner-dispatcher';
import type { JobSpec } from './job-spec';
import { loadTranscode, executeTranscodeCommand, type TranscodeStoreDependencies } from './transcode-commands';

export interface DispatchDependencies extends TranscodeStoreDependencies {
  readonly dispatcher: RunnerDispatcher;
  readonly active: ActiveTranscodes;
}

const TRANSCODE_REQUESTED_CONSUMER = 'processing.transcode-requested';

export const handleTranscodeRequested = async (
  deps: DispatchDependencies,
  event: KnownEventOf<'TranscodeRequested'>,
  log: Logger,
): Promise<void> => {
  const { jobId, plan, attempt } = event.data;
  const consumed = { consumer: TRANSCODE_REQUESTED_CONSUMER, eventId: event.metadata.eventId };
  const context = causedBy(event.metadata);
  if (await deps.store.hasHandled(consumed.consumer, consumed.eventId)) return;
  const { state } = await loadTranscode(deps.store, jobId);
  const registration = state.registration;
  if (!registration) throw new TranscodeNotRegistered(jobId);
  const verdict = startVerdict(state, attempt);
  if (!verdict.start) {
    log.info('attempt not started', { jobId, attempt, why: verdict.why });
    await executeTranscodeCommand(deps, jobId, { type: 'Acknowledge' }, { context, consumed });
    return;
  }
  await deps.active.add(jobId, deps.clock.now());
  const spec: JobSpec = {
    jobId,
    attempt,
    input: `blob:${registration.input.key}`,
    outputPrefix: plan.outputPrefix,
    profile: registration.profile,
    expectedRungs: expectedRungsOf(plan),
    ...(state.mediaInfo ? { mediaInfo: state.mediaInfo } : {}),
    context: { ownerId: registration.ownerId, correlationId: registration.correlationId },
    wallClockLimitSeconds: 3 * 3600,
  };
  const { runnerId } = await deps.dispatcher.start(spec);
  const outcome = await executeTranscodeCommand(
    deps,
    jobId,
    { type: 'StartAttempt', jobId, attempt, runnerId, outputPrefix: plan.outputPrefix },
    { context, consumed },
  );
  // Refreshed after the append: a watchdog sweep between add() and the append may have dropped the entry.
  await deps.active.add(jobId, deps.clock.now());
  const recorded =
    outcome.status === 'applied'
      ? attemptOf(outcome.state, attempt)
      : (await loadTranscode(deps.store, jobId)).state.attempts.find((a) => a.attempt === attempt);
  if (recorded?.runnerId !== runnerId || recorded.status !== 'running') {
    // Someone else started this attempt first, or it ended meanwhile: ours must not run beside it.
    log.warn('stopping a runner the stream does not own', {
      jobId,
      attempt,
      runnerId,
      recorded: recorded?.runnerId,
    });
    await deps.dispatcher.stop(runnerId);
    return;
  }
  if (verdict.supersedes) await deps.dispatcher.stop(verdict.supersedes.runnerId);
  log.info('attempt dispatched', { jobId, attempt, runnerId });
};
