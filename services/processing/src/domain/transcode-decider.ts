// The Transcode aggregate's decisions: pure, one small function per command. Reports about an
// attempt that is no longer the running one (late progress, a finish after a cancel or a watchdog
// failure) change nothing, so at-least-once reports from runners are harmless.
import type { Decider } from '@mediaflow/service-kit';
import type { EventDataOf, MediaInfo as ContractMediaInfo } from '@mediaflow/contracts';
import { contractCode, contractReason } from './failure-report';
import { TranscodeNotRegistered } from './transcode-errors';
import type { TranscodeEvent, TranscodeRegistration } from './transcode-events';
import {
  evolveTranscode,
  initialTranscodeState,
  needsProbe,
  runningAttempt,
  startVerdict,
  type TranscodeState,
} from './transcode-state';

export type ProbeOutcome =
  | { readonly ok: true; readonly mediaInfo: ContractMediaInfo }
  | { readonly ok: false; readonly code: string; readonly reason: string; readonly retryable: boolean };

export type TranscodeCommand =
  /** An incoming event that changes nothing (redelivered, or for a finished job): only its id is recorded. */
  | { readonly type: 'Acknowledge' }
  | { readonly type: 'Register'; readonly registration: TranscodeRegistration }
  | {
      readonly type: 'RecordProbe';
      readonly registration: TranscodeRegistration;
      readonly outcome: ProbeOutcome;
    }
  | {
      readonly type: 'StartAttempt';
      readonly jobId: string;
      readonly attempt: number;
      readonly runnerId: string;
      /** Where this attempt writes its outputs (the plan's outputPrefix). */
      readonly outputPrefix?: string;
    }
  /** The runner's first report: it really began (it no longer waits in a queue): TranscodeStarted. */
  | { readonly type: 'RecordRunnerBegan'; readonly attempt: number }
  | { readonly type: 'RecordProgress'; readonly attempt: number; readonly percent: number }
  | {
      readonly type: 'FinishAttempt';
      readonly attempt: number;
      readonly manifest: EventDataOf<'TranscodeFinished', 1>['manifest'];
      /** The runner's own time for the attempt's work, when it reported one. */
      readonly transcodeSeconds?: number;
    }
  | {
      readonly type: 'FailAttempt';
      readonly attempt: number;
      readonly code: string;
      readonly reason: string;
      readonly retryable: boolean;
    }
  | { readonly type: 'Cancel'; readonly jobId: string; readonly reason?: string }
  | { readonly type: 'RecordOutputsDeleted'; readonly outputPrefix: string; readonly count: number };

type Decision = readonly TranscodeEvent[];

const register = (registration: TranscodeRegistration, state: TranscodeState): Decision =>
  state.registration ? [] : [{ type: 'TranscodeRegistered', data: registration }];

const recordProbe = (
  c: Extract<TranscodeCommand, { type: 'RecordProbe' }>,
  state: TranscodeState,
): Decision => {
  if (!needsProbe(state)) return register(c.registration, state);
  const jobId = c.registration.jobId;
  const result: TranscodeEvent = c.outcome.ok
    ? { type: 'MediaProbed', data: { jobId, mediaInfo: c.outcome.mediaInfo } }
    : {
        type: 'ProbeFailed',
        data: {
          jobId,
          code: contractCode(c.outcome.code, 'PROBE_FAILED'),
          reason: contractReason(c.outcome.reason),
          retryable: c.outcome.retryable,
        },
      };
  return [...register(c.registration, state), result];
};

const startAttempt = (
  c: Extract<TranscodeCommand, { type: 'StartAttempt' }>,
  state: TranscodeState,
): Decision => {
  if (!state.registration) throw new TranscodeNotRegistered(c.jobId);
  const verdict = startVerdict(state, c.attempt);
  if (!verdict.start) return [];
  const planned: TranscodeEvent[] =
    c.outputPrefix && c.outputPrefix !== state.outputPrefix
      ? [{ type: 'TranscodeOutputsPlanned', data: { jobId: c.jobId, outputPrefix: c.outputPrefix } }]
      : [];
  const started: TranscodeEvent = {
    type: 'TranscodeAttemptDispatched',
    data: { jobId: c.jobId, attempt: c.attempt, runnerId: c.runnerId },
  };
  if (!verdict.supersedes) return [...planned, started];
  const abandoned: TranscodeEvent = {
    type: 'TranscodeAttemptAbandoned',
    data: { jobId: c.jobId, attempt: verdict.supersedes.attempt, supersededBy: c.attempt },
  };
  return [...planned, abandoned, started];
};

/** The running attempt when it is `attempt`, else undefined: reports for any other attempt are stale. */
const runningAs = (state: TranscodeState, attempt: number) => {
  const running = runningAttempt(state);
  return running?.attempt === attempt && state.registration
    ? { running, jobId: state.registration.jobId }
    : undefined;
};

/**
 * TranscodeStarted, the public "a runner started the attempt", once per attempt: at its runner's first
 * report, or before the first other report that shows it ran (when the `began` report was lost).
 */
const startedIfNotYet = (current: NonNullable<ReturnType<typeof runningAs>>): Decision =>
  current.running.began
    ? []
    : [
        {
          type: 'TranscodeStarted',
          data: { jobId: current.jobId, attempt: current.running.attempt, runnerId: current.running.runnerId },
        },
      ];

const recordRunnerBegan = (
  c: Extract<TranscodeCommand, { type: 'RecordRunnerBegan' }>,
  state: TranscodeState,
): Decision => {
  const current = runningAs(state, c.attempt);
  return current ? startedIfNotYet(current) : [];
};

const recordProgress = (
  c: Extract<TranscodeCommand, { type: 'RecordProgress' }>,
  state: TranscodeState,
): Decision => {
  const current = runningAs(state, c.attempt);
  const percent = Math.min(100, Math.max(0, Math.round(c.percent * 10) / 10));
  // Equal percent is still news: it is the runner's heartbeat on a slow stretch.
  if (!current || percent < current.running.lastPercent) return [];
  return [
    ...startedIfNotYet(current),
    { type: 'TranscodeProgressed', data: { jobId: current.jobId, attempt: c.attempt, percent } },
  ];
};

const finishAttempt = (
  c: Extract<TranscodeCommand, { type: 'FinishAttempt' }>,
  state: TranscodeState,
): Decision => {
  const current = runningAs(state, c.attempt);
  if (!current) return [];
  const seconds = c.transcodeSeconds === undefined ? {} : { transcodeSeconds: c.transcodeSeconds };
  return [
    ...startedIfNotYet(current),
    {
      type: 'TranscodeFinished',
      data: { jobId: current.jobId, attempt: c.attempt, manifest: c.manifest, ...seconds },
    },
  ];
};

const failAttempt = (
  c: Extract<TranscodeCommand, { type: 'FailAttempt' }>,
  state: TranscodeState,
): Decision => {
  const current = runningAs(state, c.attempt);
  if (!current) return [];
  const code = contractCode(c.code, 'RUNNER_FAILED');
  return [
    {
      type: 'TranscodeFailed',
      data: {
        jobId: current.jobId,
        attempt: c.attempt,
        code,
        reason: contractReason(c.reason),
        retryable: c.retryable,
      },
    },
  ];
};

const cancel = (c: Extract<TranscodeCommand, { type: 'Cancel' }>, state: TranscodeState): Decision => {
  if (state.cancelled) return [];
  const running = runningAttempt(state);
  const data = {
    jobId: c.jobId,
    ...(running ? { attempt: running.attempt } : {}),
    ...(c.reason ? { reason: c.reason } : {}),
  };
  return [{ type: 'TranscodeCancelled', data }];
};

const recordOutputsDeleted = (
  c: Extract<TranscodeCommand, { type: 'RecordOutputsDeleted' }>,
  state: TranscodeState,
): Decision =>
  state.cancelled && !state.outputsDeleted && state.registration
    ? [
        {
          type: 'TranscodeOutputsDeleted',
          data: { jobId: state.registration.jobId, outputPrefix: c.outputPrefix, count: c.count },
        },
      ]
    : [];

export const decideTranscode = (command: TranscodeCommand, state: TranscodeState): Decision => {
  switch (command.type) {
    case 'Acknowledge':
      return [];
    case 'Register':
      return register(command.registration, state);
    case 'RecordProbe':
      return recordProbe(command, state);
    case 'StartAttempt':
      return startAttempt(command, state);
    case 'RecordRunnerBegan':
      return recordRunnerBegan(command, state);
    case 'RecordProgress':
      return recordProgress(command, state);
    case 'FinishAttempt':
      return finishAttempt(command, state);
    case 'FailAttempt':
      return failAttempt(command, state);
    case 'Cancel':
      return cancel(command, state);
    case 'RecordOutputsDeleted':
      return recordOutputsDeleted(command, state);
    default: {
      const never: never = command;
      return never;
    }
  }
};

export const transcodeDecider: Decider<TranscodeCommand, TranscodeEvent, TranscodeState> = {
  initialState: initialTranscodeState,
  evolve: evolveTranscode,
  decide: decideTranscode,
};
