// Executes Transcode commands against stream `transcode-<jobId>`: read-fold-decide-append through
// service-kit, with every public event checked against its contract before it is written (an event
// the outbox could never publish must fail here, at its cause, not later in the relay).
import { isEventName, parseEventData } from '@mediaflow/contracts';
import type { ConsumedEvent, EventStore, StoredEvent } from '@mediaflow/event-store';
import {
  executeCommand,
  foldEvents,
  type Clock,
  type CommandOutcome,
  type Decider,
  type EventContext,
  type IdGenerator,
} from '@mediaflow/service-kit';
import { commandForRunnerReport, type RunnerReport } from '../domain/runner-report';
import { transcodeDecider, type TranscodeCommand } from '../domain/transcode-decider';
import { transcodeStreamId, type TranscodeEvent } from '../domain/transcode-events';
import type { TranscodeState } from '../domain/transcode-state';
import type { JobSpec } from './job-spec';

export interface TranscodeStoreDependencies {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

const validating = (decider: Decider<TranscodeCommand, TranscodeEvent, TranscodeState>): typeof decider => ({
  ...decider,
  decide: (command, state) =>
    decider
      .decide(command, state)
      .map((event) =>
        isEventName(event.type)
          ? ({ ...event, data: parseEventData(event.type, 1, event.data) } as TranscodeEvent)
          : event,
      ),
});

const checkedDecider = validating(transcodeDecider);

interface LoadedTranscode {
  readonly state: TranscodeState;
  readonly stored: readonly StoredEvent[];
}

export const loadTranscode = async (store: EventStore, jobId: string): Promise<LoadedTranscode> => {
  const stored = await store.read(transcodeStreamId(jobId));
  const events = stored.map((e) => ({ type: e.type, data: e.data }) as TranscodeEvent);
  return { state: foldEvents(transcodeDecider, events), stored };
};

export const executeTranscodeCommand = (
  deps: TranscodeStoreDependencies,
  jobId: string,
  command: TranscodeCommand,
  options: { readonly context: EventContext; readonly consumed?: ConsumedEvent },
): Promise<CommandOutcome<TranscodeEvent, TranscodeState>> =>
  executeCommand(deps, checkedDecider, transcodeStreamId(jobId), command, options);

/** The context of events nothing incoming caused (watchdog, runner reports): the job's owner and chain. */
export const jobContext = (
  state: TranscodeState,
  fallback?: { ownerId: string; correlationId: string },
): EventContext => ({
  ownerId: state.registration?.ownerId ?? fallback?.ownerId ?? 'unknown',
  correlationId: state.registration?.correlationId ?? fallback?.correlationId ?? 'unknown',
  causationId: null,
});

/** Which attempt a runner report is about, and the spec's owner and correlation when it carried them. */
type ReportedAttempt = Pick<JobSpec, 'jobId' | 'attempt' | 'context'>;

/** Records a runner's report on its job's stream, for the service and for a runner reporting by itself. */
export const recordRunnerReport = async (
  deps: TranscodeStoreDependencies,
  reported: ReportedAttempt,
  report: RunnerReport,
): Promise<CommandOutcome<TranscodeEvent, TranscodeState>> => {
  const context = reported.context
    ? { ...reported.context, causationId: null }
    : jobContext((await loadTranscode(deps.store, reported.jobId)).state);
  return executeTranscodeCommand(deps, reported.jobId, commandForRunnerReport(reported.attempt, report), { context });
};
