// Identifiers of processing's own bindings, beside @mediaflow/runtime's TOKENS. Only src/main resolves them.
import { identifier } from '@mediaflow/runtime';
import type { RunnerWatchdog } from '../application/runner-watchdog';
import type { ActiveTranscodes } from '../ports/active-transcodes';
import type { MediaProber } from '../ports/media-prober';
import type { RunnerDispatcher, RunnerEventListener } from '../ports/runner-dispatcher';

export const PROCESSING_TOKENS = {
  RunnerDispatcher: identifier<RunnerDispatcher>('processing.RunnerDispatcher'),
  ActiveTranscodes: identifier<ActiveTranscodes>('processing.ActiveTranscodes'),
  MediaProber: identifier<MediaProber>('processing.MediaProber'),
  Watchdog: identifier<RunnerWatchdog>('processing.Watchdog'),
  /** Turns the runners' reports into commands on the transcode streams; hooked up at start. */
  RunnerEventRecorder: identifier<RunnerEventListener>('processing.RunnerEventRecorder'),
} as const;
