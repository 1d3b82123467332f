// The Transcode aggregate's state and its evolve: pure folding of recorded events. The queries at the
// bottom are what handlers and the watchdog ask of a state (is an attempt running? may this one start?).
import type { MediaInfo } from '@mediaflow/contracts';
import type { TranscodeEvent, TranscodeRegistration } from './transcode-events';

type AttemptStatus = 'running' | 'finished' | 'failed' | 'cancelled' | 'abandoned';

interface AttemptState {
  readonly attempt: number;
  readonly runnerId: string;
  readonly status: AttemptStatus;
  readonly lastPercent: number;
  /**
   * Its runner began the work (TranscodeStarted after TranscodeAttemptDispatched; in older streams
   * TranscodeRunnerBegan or any progress). Dispatched alone, it may have waited in a queue all along.
   */
  readonly began: boolean;
}

type ProbeStatus = 'pending' | 'probed' | 'failed-retryable' | 'failed';

export interface TranscodeState {
  readonly registration?: TranscodeRegistration;
  readonly probe: ProbeStatus;
  /** What the probe found, handed to runners so they need not probe again. */
  readonly mediaInfo?: MediaInfo;
  /** In the order they started; the last one is the current attempt. */
  readonly attempts: readonly AttemptState[];
  readonly cancelled: boolean;
  /** Where the outputs go, once an attempt started; deleted (once) when the job is cancelled. */
  readonly outputPrefix?: string;
  readonly outputsDeleted: boolean;
}

export const initialTranscodeState: TranscodeState = {
  probe: 'pending',
  attempts: [],
  cancelled: false,
  outputsDeleted: false,
};

const updateAttempt = (
  state: TranscodeState,
  attempt: number,
  change: (a: AttemptState) => AttemptState,
): TranscodeState => ({
  ...state,
  attempts: state.attempts.map((a) => (a.attempt === attempt ? change(a) : a)),
});

const ended =
  (status: AttemptStatus) =>
  (a: AttemptState): AttemptState =>
    a.status === 'running' ? { ...a, status } : a;

const dispatched = (
  state: TranscodeState,
  data: { readonly attempt: number; readonly runnerId: string },
): TranscodeState => {
  const attempt: AttemptState = {
    attempt: data.attempt,
    runnerId: data.runnerId,
    status: 'running',
    lastPercent: 0,
    began: false,
  };
  return { ...state, attempts: [...state.attempts.filter((a) => a.attempt !== data.attempt), attempt] };
};

export const evolveTranscode = (state: TranscodeState, event: TranscodeEvent): TranscodeState => {
  switch (event.type) {
    case 'TranscodeRegistered':
      return { ...state, registration: event.data };
    case 'MediaProbed':
      return { ...state, probe: 'probed', mediaInfo: event.data.mediaInfo };
    case 'ProbeFailed':
      return { ...state, probe: event.data.retryable ? 'failed-retryable' : 'failed' };
    case 'TranscodeAttemptDispatched':
      return dispatched(state, event.data);
    case 'TranscodeStarted':
      // After its TranscodeAttemptDispatched: the runner began. Without one (a stream written before that
      // event existed) TranscodeStarted was the dispatch itself.
      return attemptOf(state, event.data.attempt)
        ? updateAttempt(state, event.data.attempt, (a) => ({ ...a, began: true }))
        : dispatched(state, event.data);
    case 'TranscodeRunnerBegan':
      return updateAttempt(state, event.data.attempt, (a) => ({ ...a, began: true }));
    case 'TranscodeProgressed':
      return updateAttempt(state, event.data.attempt, (a) => ({
        ...a,
        lastPercent: Math.max(a.lastPercent, event.data.percent),
        began: true,
      }));
    case 'TranscodeFinished':
      return updateAttempt(state, event.data.attempt, ended('finished'));
    case 'TranscodeFailed':
      return updateAttempt(state, event.data.attempt, ended('failed'));
    case 'TranscodeAttemptAbandoned':
      return updateAttempt(state, event.data.attempt, ended('abandoned'));
    case 'TranscodeOutputsPlanned':
      return { ...state, outputPrefix: event.data.outputPrefix };
    case 'TranscodeOutputsDeleted':
      return { ...state, outputsDeleted: true };
    case 'TranscodeCancelled': {
      const { attempt } = event.data;
      const next = { ...state, cancelled: true };
      return attempt === undefined ? next : updateAttempt(next, attempt, ended('cancelled'));
    }
    default: {
      const never: never = event;
      return never;
    }
  }
};

/** The current attempt (the last started), if any. */
export const currentAttempt = (state: TranscodeState): AttemptState | undefined => state.attempts.at(-1);

/** The attempt that counts as running now, if any. */
export const runningAttempt = (state: TranscodeState): AttemptState | undefined => {
  const current = currentAttempt(state);
  return current?.status === 'running' ? current : undefined;
};

export const attemptOf = (state: TranscodeState, attempt: number): AttemptState | undefined =>
  state.attempts.find((a) => a.attempt === attempt);

type StartVerdict =
  | { readonly start: true; readonly supersedes?: AttemptState }
  | { readonly start: false; readonly why: 'cancelled' | 'already-started' };

/**
 * Whether `attempt` may start: never after a cancel, never twice (a redelivered TranscodeRequested), never
 * below the highest attempt seen. A higher attempt supersedes one still counted as running.
 */
export const startVerdict = (state: TranscodeState, attempt: number): StartVerdict => {
  if (state.cancelled) return { start: false, why: 'cancelled' };
  const highest = Math.max(0, ...state.attempts.map((a) => a.attempt));
  if (attempt <= highest) return { start: false, why: 'already-started' };
  const running = runningAttempt(state);
  return running ? { start: true, supersedes: running } : { start: true };
};

/** The prefix whose outputs must go because the job was cancelled and they are not deleted yet. */
export const outputsToDelete = (state: TranscodeState): string | undefined =>
  state.cancelled && !state.outputsDeleted ? state.outputPrefix : undefined;

/** Whether a probe result for ProbeRequested should be recorded (first probe, or a retry after a transient failure). */
export const needsProbe = (state: TranscodeState): boolean =>
  !state.cancelled && (state.probe === 'pending' || state.probe === 'failed-retryable');
